using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

/// <summary>What a <see cref="ServiceCheck{TModel, TClient}"/> gets: the planned values (the checked ones known), the client, diagnostics.</summary>
public sealed class ServiceCheckContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    internal ServiceCheckContext(TModel plan, bool isCreate, string? replaces, IClientSource<TClient> clients, PrivateState p, ILogger logger,
        CancellationToken ct)
        : base(clients, p, logger, ct) => (Plan, IsCreate, Replaces) = (plan, isCreate, replaces);

    /// <summary>The planned values; the check's attributes are known, others may be unknown.</summary>
    public TModel Plan { get; }
    public bool IsCreate { get; }

    /// <summary>On the create of a replacement, the id of the object it replaces (<see cref="ReplacedObject"/>); else null.</summary>
    public string? Replaces { get; }

    /// <summary>The check's verdict: the configuration is wrong at <paramref name="path"/>.</summary>
    public void Fail(CtyPath path, string summary, string detail) => Diagnostics.AddAttributeError(path, summary, detail);
    public void Fail(string attribute, string summary, string detail) => Fail(CtyPath.Attribute(attribute), summary, detail);

    /// <summary>Not a verdict: the apply would succeed, but probably not do what was meant; the plan goes on.</summary>
    public void Warn(string attribute, string summary, string detail) => Diagnostics.AddAttributeWarning(CtyPath.Attribute(attribute), summary, detail);
}
