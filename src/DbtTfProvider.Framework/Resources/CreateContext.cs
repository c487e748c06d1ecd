using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

public sealed class CreateContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    internal CreateContext(TModel plan, TModel config, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct)
    {
        Plan = plan;
        Config = config;
    }

    /// <summary>The planned values: configuration plus defaults, computed attributes unknown.</summary>
    public TModel Plan { get; }
    /// <summary>The configuration as written; the only place write-only values appear.</summary>
    public TModel Config { get; }
    /// <summary>
    /// The new state. Set it as soon as the remote object exists (typically to <see cref="Plan"/> with the id filled
    /// in): if a later step fails, this partial state is still saved (tainted) so the object is not lost.
    /// </summary>
    public TModel? State { get; set; }
}
