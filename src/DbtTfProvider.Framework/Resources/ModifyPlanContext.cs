using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

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
