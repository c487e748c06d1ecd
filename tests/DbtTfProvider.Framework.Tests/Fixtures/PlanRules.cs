using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Tests.Fixtures;

/// <summary>
/// Terraform's own check of a planned value (src/DbtTfProvider.Framework/README.md, "Planning"), attribute by attribute.
/// Every plan the tests make passes through it, so a planner bug that Terraform would reject fails here first.
/// </summary>
public static class PlanRules
{
    public static void AssertValid(SchemaBlock block, CtyValue prior, CtyValue config, CtyValue planned)
    {
        var problems = new List<string>();
        SchemaWalker.Walk(block, planned, config, prior, (a, path, p, c, pr) =>
        {
            // A configured nested attribute is checked object by object (the walk visited its attributes already).
            if (a.NestedType is not null && p.IsKnown && c.IsKnown) return p;
            if (a.WriteOnly)
            {
                if (!p.IsNull) problems.Add($"{path}: write-only attribute planned non-null");
            }
            else if (p.Equals(c)) { }
            else if (!pr.IsNull && !c.IsNull && p.Equals(pr)) { }
            else if (a.Computed && (!a.Optional || c.IsNull)) { }
            else if (c.IsNull && !a.Computed) problems.Add($"{path}: planned {p} for a non-computed attribute");
            else problems.Add($"{path}: planned {p} does not match config {c}");
            return p;
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
