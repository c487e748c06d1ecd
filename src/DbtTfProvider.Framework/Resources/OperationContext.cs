using DbtTfProvider.Framework.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

/// <summary>What every operation of a resource or data source gets: the client, diagnostics, a logger and cancellation.</summary>
public abstract class OperationContext<TClient> where TClient : class
{
    private readonly IClientSource<TClient> _clients;

    private protected OperationContext(IClientSource<TClient> clients, ILogger logger, CancellationToken cancellationToken)
    {
        _clients = clients;
        Logger = logger;
        CancellationToken = cancellationToken;
    }

    /// <summary>The provider part's API client. Throws (and the framework reports why) when the provider is not configured.</summary>
    public TClient Client => _clients.Client;
    public bool IsClientAvailable => _clients.IsAvailable;

    /// <summary>
    /// The part's description of a client exception, for a resource that reports that failure inside an error of its
    /// own (the resource words what happened, the part words why): resources hold no error mapping.
    /// </summary>
    public string Explain(Exception exception) => _clients.Explain(exception);
    public DiagnosticList Diagnostics { get; } = new();
    public ILogger Logger { get; }
    /// <summary>Cancelled when Terraform stops the provider (Ctrl-C) or abandons the call: pass it to every API call.</summary>
    public CancellationToken CancellationToken { get; }
}
