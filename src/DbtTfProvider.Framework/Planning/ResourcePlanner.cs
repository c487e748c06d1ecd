using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>
/// The planning algorithm Terraform expects of a provider (the framework's README.md, "Planning"), on
/// plain cty values. Split in two around the resource's own ModifyPlan hook:
/// <see cref="PlanAttributes"/> (steps 1-5) and <see cref="RequiresReplace"/> (step 6).
/// </summary>
public static class ResourcePlanner
{
    /// <summary>
    /// From Terraform's proposed new state: apply defaults where configuration is null, null write-only attributes,
    /// and, only when that differs from the prior state (a create or a real change), mark every computed attribute
    /// that configuration leaves null as unknown; then run the attribute and block plan modifiers. An unchanged
    /// resource yields exactly the prior state, so no-op plans stay empty.
    /// </summary>
    public static CtyValue PlanAttributes(SchemaBlock block, CtyValue prior, CtyValue proposed, CtyValue config, DiagnosticList diagnostics)
    {
        if (proposed.IsNull) return proposed;
        var isCreate = prior.IsNull;

        var planned = SchemaWalker.Walk(block, proposed, config, prior, (a, _, p, c, _) =>
            a.WriteOnly ? CtyValue.Null(a.Type)
            : a.Default is { } d && c.IsNull ? d
            : p);

        if (!planned.Equals(prior))
        {
            planned = SchemaWalker.Walk(block, planned, config, prior, (a, _, p, c, _) =>
                a.Computed && c.IsNull && a.Default is null ? CtyValue.Unknown(a.Type) : p);
        }

        // For a modifier, "create" means the object holding the value is new: the resource, or a block element
        // added by this change. Otherwise UseStateForUnknown would copy the null of a missing prior element.
        return SchemaWalker.Walk(block, planned, config, prior,
            (a, path, p, c, pr, priorObject) => Modify(a.PlanModifiers, path, p, c, pr, isCreate || !priorObject.IsKnown, diagnostics),
            (b, path, p, c, pr) => Modify(b.PlanModifiers, path, p, c, pr, isCreate, diagnostics));
    }

    private static CtyValue Modify(IReadOnlyList<IPlanModifier> modifiers, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior,
        bool isCreate, DiagnosticList diagnostics)
    {
        if (modifiers.Count == 0) return planned;
        var context = new PlanModifierContext { Path = path, Config = config, Prior = prior, Plan = planned, IsCreate = isCreate, Diagnostics = diagnostics };
        foreach (var m in modifiers) m.ModifyPlan(context);
        return context.Plan;
    }

    /// <summary>
    /// The paths whose change forces replacement: asked of the plan modifiers on the final plan, only on update, and
    /// only where the planned value differs from the prior one. <paramref name="requested"/> (from the resource's
    /// ModifyPlan) passes the same filter. Sorted and without duplicates.
    /// </summary>
    public static IReadOnlyList<CtyPath> RequiresReplace(SchemaBlock block, CtyValue prior, CtyValue planned, CtyValue config, IEnumerable<CtyPath> requested)
    {
        if (prior.IsNull || planned.IsNull) return [];
        var paths = new List<CtyPath>();

        void Check(IReadOnlyList<IPlanModifier> modifiers, CtyPath path, CtyValue p, CtyValue c, CtyValue pr)
        {
            if (modifiers.Count == 0 || p.Equals(pr)) return;
            var context = new RequiresReplaceContext { Path = path, Config = c, Prior = pr, Plan = p };
            if (modifiers.Any(m => m.RequiresReplace(context))) paths.Add(path);
        }

        SchemaWalker.Walk(block, planned, config, prior,
            (a, path, p, c, pr) => { Check(a.PlanModifiers, path, p, c, pr); return p; },
            (b, path, p, c, pr) => { Check(b.PlanModifiers, path, p, c, pr); return p; });

        foreach (var path in requested)
        {
            var before = prior.At(path);
            var after = planned.At(path);
            if ((before is not null || after is not null) && !Equals(before, after)) paths.Add(path);
        }

        return paths.Distinct().OrderBy(p => p.ToString(), StringComparer.Ordinal).ToArray();
    }
}
