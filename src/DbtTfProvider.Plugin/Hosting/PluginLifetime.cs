namespace DbtTfProvider.Plugin.Hosting;

/// <summary>The one way the process ends: Shutdown RPC, SIGTERM, or Ctrl-C in debug mode all ask here.</summary>
internal sealed class PluginLifetime
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<int>? _exitNow;

    public Task<int> ExitRequested => _exit.Task;

    /// <summary>Wakes the thread that waits on <see cref="ExitRequested"/>, which returns from Main.</summary>
    public void RequestExit(int exitCode) => _exit.TrySetResult(exitCode);

    /// <summary>How <see cref="ExitNow"/> ends the process; unset (debug mode, tests), it asks as <see cref="RequestExit"/> does.</summary>
    public void ExitNowWith(Action<int> exit) => _exitNow = exit;

    /// <summary>
    /// Ends the process on the calling thread, for when nothing is left to settle (Shutdown with no call under way):
    /// handing the exit to the waiting thread cost milliseconds on a busy machine, and Terraform waits for the exit
    /// before it starts the next provider process (bench/README.md, issue 22).
    /// </summary>
    public void ExitNow(int exitCode)
    {
        _exitNow?.Invoke(exitCode);
        RequestExit(exitCode);
    }
}
