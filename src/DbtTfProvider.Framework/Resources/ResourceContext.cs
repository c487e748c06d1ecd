using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

/// <summary>What every resource operation gets: besides the client, diagnostics and cancellation, the private state.</summary>
public abstract class ResourceContext<TClient> : OperationContext<TClient> where TClient : class
{
    private protected ResourceContext(IClientSource<TClient> clients, PrivateState privateState, ILogger logger, CancellationToken cancellationToken)
        : base(clients, logger, cancellationToken) => Private = privateState;

    public PrivateState Private { get; }
}
