using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// SIGTERM (a CI runner cancelling, a pod stopped, `timeout`, a process-group kill) is handled like Terraform's
/// StopProvider: the provider is told to stop (no new requests to the services, a create already sent is settled),
/// the provider calls under way are let finish, and only then does the process exit, at most
/// <see cref="MaxSettleTime"/> later. A go-plugin provider dies at once, and the object of a create in flight is lost
/// to Terraform. A second SIGTERM ends the process at once.
/// </summary>
internal sealed class GracefulTermination(PluginLifetime lifetime)
{
    /// <summary>A create's resolution ends 60 s after the stop (the clients' ResolveDeadline); the rest is for the POST in flight.</summary>
    public static readonly TimeSpan MaxSettleTime = TimeSpan.FromSeconds(90);

    private readonly ProviderCallsInFlight _calls = new();
    private Task<Tfplugin6.Provider.ProviderBase>? _provider;
    private ILogger? _logger;
    private int _signals;

    public ProviderCallsInFlight Calls => _calls;

    /// <summary>Once the provider exists: what to stop on SIGTERM.</summary>
    public void Attach(Task<Tfplugin6.Provider.ProviderBase> provider, ILogger logger) => (_provider, _logger) = (provider, logger);

    public void OnSigterm()
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            lifetime.RequestExit(0);
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                _logger?.LogInformation("SIGTERM: stopping; {calls} provider call(s) under way are let finish", _calls.Count);
                if (_provider is { IsCompletedSuccessfully: true } provider)
                    await provider.Result.StopProvider(new Tfplugin6.StopProvider.Types.Request(), StopCallContext());
                await _calls.WhenIdleAsync(MaxSettleTime);
            }
            catch (Exception e)
            {
                _logger?.LogError(e, "SIGTERM: settling the calls under way failed: {error}", e.Message);
            }
            lifetime.RequestExit(0);
        });
    }

    /// <summary>
    /// Terraform's Shutdown: exit at once, on this thread, when no provider call is under way (Terraform sends it
    /// once it has every answer), else once the calls are done, as after SIGTERM.
    /// </summary>
    public void ExitWhenIdle()
    {
        if (_calls.Count == 0)
        {
            lifetime.ExitNow(0);
            return;
        }
        _ = Task.Run(async () =>
        {
            _logger?.LogDebug("Shutdown: {calls} provider call(s) under way are let finish", _calls.Count);
            await _calls.WhenIdleAsync(MaxSettleTime);
            lifetime.RequestExit(0);
        });
    }

    private static GrpcServerCallContext StopCallContext() =>
        new(new DefaultHttpContext(), "/tfplugin6.Provider/StopProvider", new Metadata(), DateTime.MaxValue, CancellationToken.None);
}
