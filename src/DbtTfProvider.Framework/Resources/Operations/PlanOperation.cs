using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// PlanResourceChange: the framework's plan (<see cref="ResourcePlanner"/>), the home filled in, the resource's
/// ModifyPlan, then the plan-time service checks and the replacement paths (and, for a resource with a namesake check,
/// the replaced object's id for the replacement's create: <see cref="ReplacedObject"/>). A destroy plans nothing.
/// </summary>
internal sealed class PlanOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public async Task<PlanOutcome> RunAsync(CtyValue prior, CtyValue proposed, CtyValue config, byte[] priorPrivate, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(priorPrivate);
        if (proposed.IsNull || !kit.Home.Admits(prior, diagnostics)) return new(proposed, [], privateState.ToBytes(), diagnostics);
        string? replaces = null;
        if (prior.IsNull)
        {
            // A create starts from no private state. In a replacement's second call Terraform passes the first answer's,
            // which is the replaced object's (unclear-create markers and all): only the replaced object's id is read from it.
            replaces = ReplacedObject.Take(privateState);
            privateState = PrivateState.Empty();
        }

        var planned = ResourcePlanner.PlanAttributes(kit.Block, prior, proposed, config, diagnostics);
        planned = kit.Home.Fill(planned, onlyIfNotKnown: true);
        IReadOnlyList<CtyPath> requested = [];
        if (!diagnostics.HasErrors)
        {
            await kit.Guard.RunAsync(ResourceOperation.Plan, diagnostics, async () =>
            {
                var binding = kit.Binding;
                var before = binding.Encode(binding.Decode(planned));
                var context = new ModifyPlanContext<TModel, TClient>(binding.Decode(planned), binding.Decode(config),
                    prior.IsNull ? null : binding.Decode(prior), kit.Clients, privateState, kit.Logger, cancellationToken);
                await kit.Resource.ModifyPlanAsync(context);
                diagnostics.AddRange(context.Diagnostics);
                planned = TakeChanges(planned, before, binding.Encode(context.Plan));
                planned = StateRules.NullWriteOnly(kit.Block, planned);
                requested = context.ReplacePaths;
            }, config, cancellationToken);
        }
        if (!diagnostics.HasErrors)
            await new PlanServiceChecks<TModel, TClient>(kit).RunAsync(prior, planned, privateState, replaces, diagnostics, cancellationToken);

        var replace = ResourcePlanner.RequiresReplace(kit.Block, prior, planned, config, requested);
        if (replace.Count > 0 && kit.Resource.NamesakeCheck is not null && kit.IdOf(prior) is { } replacedId) ReplacedObject.Record(replacedId, privateState);
        // An unchanged resource must plan exactly its prior state, so Terraform shows no change.
        if (planned.Equals(prior)) planned = prior;
        return new(planned, replace, privateState.ToBytes(), diagnostics);
    }

    /// <summary>
    /// Takes from the hook's model only the top-level values it changed: a model cannot hold a partly unknown
    /// collection, so untouched values keep their exact planned form.
    /// </summary>
    private static CtyValue TakeChanges(CtyValue planned, CtyValue before, CtyValue after)
    {
        if (before.Equals(after)) return planned;
        var type = (CtyObjectType)planned.Type;
        return CtyValue.Object(type, type.Attributes.Keys.Select(name =>
            KeyValuePair.Create(name, before.GetAttribute(name).Equals(after.GetAttribute(name)) ? planned.GetAttribute(name) : after.GetAttribute(name))));
    }
}
