using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Tests.Fixtures;

/// <summary>Builds cty values the way Terraform would send them.</summary>
public static class V
{
    public static CtyValue Str(string s) => CtyValue.String(s);
    public static CtyValue Num(long n) => CtyValue.Number(n);
    public static CtyValue Null(CtyType t) => CtyValue.Null(t);
    public static readonly CtyValue NullString = CtyValue.Null(CtyType.String);
    public static readonly CtyValue UnknownString = CtyValue.Unknown(CtyType.String);

    /// <summary>An object of the block's type: everything null (blocks empty) except the given attributes.</summary>
    public static CtyValue Obj(SchemaBlock block, params (string Name, CtyValue Value)[] values)
    {
        var v = block.EmptyObject();
        foreach (var (name, value) in values) v = v.WithAttribute(name, value);
        return v;
    }

    public static CtyValue Set(SchemaBlock element, params CtyValue[] elements) => CtyValue.Set(element.ImpliedType, elements);
    public static CtyValue Strings(params string[] s) => CtyValue.List(CtyType.String, s.Select(CtyValue.String));

    /// <summary>
    /// Terraform core's ProposedNewState: configuration, except that computed attributes the configuration leaves
    /// null keep their prior value (set elements correlated by their non-computed attributes), also inside the
    /// objects of nested attributes.
    /// </summary>
    public static CtyValue Proposed(SchemaBlock block, CtyValue prior, CtyValue config) =>
        SchemaWalker.Walk(block, config, config, prior, (a, _, p, c, pr) =>
            a.Computed && c.IsNull ? pr
            : a.NestedType is not null && c.IsKnown ? p   // a configured nested attribute: its objects were walked
            : c);
}
