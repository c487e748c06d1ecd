namespace DbtTfProvider.Emulator.State;

internal sealed class JobSettings
{
    public int Threads { get; set; } = 1;
    public string TargetName { get; set; } = "default";
}
