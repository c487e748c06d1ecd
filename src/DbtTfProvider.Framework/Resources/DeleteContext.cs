using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

public sealed class DeleteContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    internal DeleteContext(TModel state, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct) => State = state;

    public TModel State { get; }
}
