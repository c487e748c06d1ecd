using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

public sealed class UpdateContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    internal UpdateContext(TModel plan, TModel config, TModel prior, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct)
    {
        Plan = plan;
        Config = config;
        Prior = prior;
    }

    public TModel Plan { get; }
    public TModel Config { get; }
    public TModel Prior { get; }
    /// <summary>The new state; when left unset it is <see cref="Plan"/> on success and <see cref="Prior"/> on failure.</summary>
    public TModel? State { get; set; }
}
