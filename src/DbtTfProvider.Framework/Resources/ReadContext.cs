using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

public sealed class ReadContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    internal ReadContext(TModel state, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct) => State = state;

    /// <summary>
    /// The prior state: update it from the remote object (keep values the API cannot return). There is no "remove":
    /// the client says when the object is confirmed gone, and the framework drops it from state.
    /// </summary>
    public TModel State { get; set; }
}
