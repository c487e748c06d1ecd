using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>
/// One attribute or nested block of a schema, as <see cref="SchemaShape"/> reaches it: its path by names (no element
/// steps: the schema has no elements), the block holding it, how it nests, and the object schema inside it (null for a
/// plain attribute).
/// </summary>
public readonly record struct SchemaMember(CtyPath Path, SchemaBlock Parent, SchemaAttribute? Attribute, SchemaNestedBlock? Block)
{
    public string Name => Attribute?.Name ?? Block!.Name;
    public string? ApiName => Attribute is { } a ? a.ApiName : Block!.ApiName;
    public bool IsBlock => Block is not null;

    public SchemaNesting Nesting => Attribute is { } a
        ? a.NestedType is { } n
            ? n.Nesting switch
            {
                AttributeNesting.Single => SchemaNesting.Single,
                AttributeNesting.List => SchemaNesting.List,
                AttributeNesting.Set => SchemaNesting.Set,
                _ => SchemaNesting.Map,
            }
            : SchemaNesting.None
        : Block!.Nesting switch
        {
            BlockNesting.Single => SchemaNesting.Single,
            BlockNesting.List => SchemaNesting.List,
            _ => SchemaNesting.Set,
        };

    /// <summary>The object schema inside a nested attribute or block; null for a plain attribute.</summary>
    public SchemaBlock? Inner => Attribute is { } a ? a.NestedType?.Object : Block!.Block;
}
