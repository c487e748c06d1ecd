namespace DbtTfProvider.Emulator.State;

internal sealed class JobTriggers
{
    public bool GithubWebhook { get; set; }
    public bool GitProviderWebhook { get; set; }
    public bool Schedule { get; set; }
    public bool OnMerge { get; set; }
}
