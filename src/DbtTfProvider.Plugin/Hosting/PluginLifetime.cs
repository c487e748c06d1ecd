namespace DbtTfProvider.Plugin.Hosting;

/// <summary>The one way the process ends: Shutdown RPC, SIGTERM, or Ctrl-C in debug mode all ask here.</summary>
internal sealed class PluginLifetime
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<int> ExitRequested => _exit.Task;

    public void RequestExit(int exitCode) => _exit.TrySetResult(exitCode);
}
