namespace DbtTfProvider.DbtCloud;

public sealed class RunTriggerRequest
{
    public string Cause { get; set; } = "";
}
