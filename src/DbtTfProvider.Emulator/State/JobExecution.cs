namespace DbtTfProvider.Emulator.State;

internal sealed class JobExecution
{
    public int TimeoutSeconds { get; set; }
}
