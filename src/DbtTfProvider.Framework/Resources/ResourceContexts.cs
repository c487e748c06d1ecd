using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

/// <summary>Raised when a resource asks for its API client but the provider configuration could not provide one.</summary>
public sealed class ProviderNotConfiguredException(string reason) : Exception(reason);

/// <summary>Where a resource's API client comes from: the provider part, once configured.</summary>
public interface IClientSource<out TClient> where TClient : class
{
    /// <summary>The configured client; throws <see cref="ProviderNotConfiguredException"/> saying why there is none.</summary>
    TClient Client { get; }
    bool IsAvailable { get; }

    /// <summary>What the part's error description (<c>ProviderPart.DescribeError</c>) says of an exception, or its message.</summary>
    string Explain(Exception exception);
}

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

/// <summary>What every resource operation gets: besides the client, diagnostics and cancellation, the private state.</summary>
public abstract class ResourceContext<TClient> : OperationContext<TClient> where TClient : class
{
    private protected ResourceContext(IClientSource<TClient> clients, PrivateState privateState, ILogger logger, CancellationToken cancellationToken)
        : base(clients, logger, cancellationToken) => Private = privateState;

    public PrivateState Private { get; }
}

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

public sealed class DeleteContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    internal DeleteContext(TModel state, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct) => State = state;

    public TModel State { get; }
}

public sealed class ImportContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    private readonly string _typeName;

    internal ImportContext(string typeName, string id, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct) => (_typeName, Id) = (typeName, id);

    /// <summary>The id the user gave (<c>import { id = "…" }</c>).</summary>
    public string Id { get; }

    /// <summary>
    /// <see cref="Id"/> as the positive number that most APIs use for ids; anything else fails the import with a message
    /// that says what the id is and where to find it (<paramref name="whatTheIdIs"/>, e.g. "its numeric dbt Cloud job id").
    /// </summary>
    public long NumericId(string whatTheIdIs) => NumericIds.TryParse(Id, out var id)
        ? id
        : throw new ResourceException("Invalid import id", $"{_typeName} is imported by {whatTheIdIs}; got {DisplayText.Quote(Id)}.");
    /// <summary>A stub state (usually just the id); Terraform reads the object right after.</summary>
    public TModel? State { get; set; }
}

public sealed class ModifyPlanContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    private readonly List<CtyPath> _replace = [];

    internal ModifyPlanContext(TModel plan, TModel config, TModel? prior, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct)
    {
        Plan = plan;
        Config = config;
        Prior = prior;
    }

    /// <summary>The plan so far (after defaults, unknown marking and attribute plan modifiers); change it in place.</summary>
    public TModel Plan { get; }
    public TModel Config { get; }
    /// <summary>Null on create.</summary>
    public TModel? Prior { get; }
    public bool IsCreate => Prior is null;
    internal IReadOnlyList<CtyPath> ReplacePaths => _replace;

    /// <summary>A change at this path replaces the resource (kept only on update and only if the value changes).</summary>
    public void RequiresReplace(CtyPath path) => _replace.Add(path);
    public void RequiresReplace(string attribute) => _replace.Add(CtyPath.Attribute(attribute));
}

public sealed class ValidateConfigContext<TModel> where TModel : class
{
    internal ValidateConfigContext(TModel config) => Config = config;

    /// <summary>The configuration; any attribute may be unknown here: check <c>IsKnown</c> before reading values.</summary>
    public TModel Config { get; }
    public DiagnosticList Diagnostics { get; } = new();
}
