using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources;

/// <summary>The rules Terraform enforces on every state a provider returns (the framework's README.md, "Planning").</summary>
internal static class StateRules
{
    /// <summary>Write-only values never leave the provider: null in every returned state and plan.</summary>
    public static CtyValue NullWriteOnly(SchemaBlock block, CtyValue state) =>
        state.IsKnown ? SchemaWalker.Walk(block, state, state, state, (a, _, v, _, _) => a.WriteOnly ? CtyValue.Null(a.Type) : v) : state;

    /// <summary>Lists and sets of blocks are empty, never null (raw state written before a block existed has null).</summary>
    public static CtyValue EmptyBlocksNotNull(SchemaBlock block, CtyValue state) =>
        state.IsKnown
            ? SchemaWalker.Walk(block, state, state, state, (_, _, v, _, _) => v, (b, _, v, _, _) => v.IsNull && b.Nesting != BlockNesting.Single ? b.EmptyValue : v)
            : state;

    /// <summary>
    /// Replaces unknowns with nulls and reports each as a provider bug: a resource must fill in every computed value
    /// after create or update (Terraform would reject the state otherwise).
    /// </summary>
    public static CtyValue UnknownsToNull(SchemaBlock block, CtyValue state, string typeName, ResourceOperation operation, DiagnosticList? diagnostics)
    {
        if (state.IsWhollyKnown) return state;
        return SchemaWalker.Walk(block, state, state, state,
            (_, path, v, _, _) => Fix(v, path),
            (b, path, v, _, _) =>
            {
                if (!v.IsUnknown) return v;
                Fix(v, path);
                return b.EmptyValue;
            });

        CtyValue Fix(CtyValue v, CtyPath path)
        {
            if (v.IsWhollyKnown) return v;
            diagnostics?.AddAttributeError(path, "Provider returned an unknown value",
                $"{typeName}: after {operation.Name}, {path} is still unknown. This is a bug in the provider: every computed value must be set. Please report it.");
            return v.Transform((_, x) => x.IsUnknown ? CtyValue.Null(x.Type) : x);
        }
    }

    /// <summary>
    /// Reports every value that was known in the plan but differs in the new state: Terraform would reject the
    /// result as inconsistent; saying which attribute, here, makes the provider bug easy to find.
    /// </summary>
    public static void CheckMatchesPlan(SchemaBlock block, CtyValue planned, CtyValue state, string typeName, DiagnosticList diagnostics)
    {
        if (!planned.IsKnown || !state.IsKnown) return;
        SchemaWalker.Walk(block, planned, planned, state, (a, path, p, _, s) =>
        {
            // A nested attribute whose objects line up was compared attribute by attribute already.
            if (a.NestedType is not null && p.IsKnown && s.IsKnown && SameShape(p, s)) return p;
            if (p.IsWhollyKnown && !a.WriteOnly && !p.Equals(s))
            {
                var detail = a.Sensitive ? "(sensitive values not shown)" : $"planned {p}, but the provider returned {s}";
                diagnostics.AddAttributeError(path, "Provider produced inconsistent result after apply",
                    $"{typeName}: {path} differs from the plan: {detail}. This is a bug in the provider. Please report it.");
            }
            return p;
        });
    }

    /// <summary>
    /// Reports every configured value that a data source's result changed: Terraform would reject the result, and
    /// an argument the user wrote must read back as written.
    /// </summary>
    public static void CheckKeepsConfig(SchemaBlock block, CtyValue config, CtyValue result, string typeName, DiagnosticList diagnostics)
    {
        if (!config.IsKnown || !result.IsKnown) return;
        SchemaWalker.Walk(block, result, config, result, (a, path, r, c, _) =>
        {
            // A nested attribute whose objects line up is compared attribute by attribute (its computed ones may be filled in).
            if (a.NestedType is not null && c.IsKnown && r.IsKnown && SameShape(c, r)) return r;
            if (!c.IsNull && !c.Equals(r))
                diagnostics.AddAttributeError(path, "Provider changed a configured value",
                    $"{typeName}: {path} was configured as {(a.Sensitive ? "(sensitive)" : c.ToString())}, but the read returned {(a.Sensitive ? "another value" : r.ToString())}. This is a bug in the provider. Please report it.");
            return r;
        });
    }

    private static bool SameShape(CtyValue a, CtyValue b) => a.Type switch
    {
        CtyListType or CtySetType => a.Elements.Count == b.Elements.Count,
        CtyMapType => a.Attributes.Keys.SequenceEqual(b.Attributes.Keys),
        _ => true,
    };
}
