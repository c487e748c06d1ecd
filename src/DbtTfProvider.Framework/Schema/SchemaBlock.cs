using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// A block: the resource itself, or the body of a nested block type. Not a record: its indexes by name and its implied
/// type are computed once from its members, and a <c>with</c> copy would carry them stale; build a new block instead.
/// </summary>
public sealed class SchemaBlock
{
    private readonly Dictionary<string, SchemaAttribute> _attributesByName;
    private readonly Dictionary<string, SchemaNestedBlock> _blocksByName;

    public SchemaBlock(IReadOnlyList<SchemaAttribute> attributes, IReadOnlyList<SchemaNestedBlock> blocks,
        IReadOnlyList<IObjectValidator>? objectValidators = null, string? description = null, string? deprecation = null)
    {
        Attributes = attributes;
        NestedBlocks = blocks;
        ObjectValidators = objectValidators ?? [];
        Description = description;
        Deprecation = deprecation;
        _attributesByName = attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);
        _blocksByName = blocks.ToDictionary(b => b.Name, StringComparer.Ordinal);
        ImpliedType = CtyType.Object(attributes.Select(a => KeyValuePair.Create(a.Name, a.Type))
            .Concat(blocks.Select(b => KeyValuePair.Create(b.Name, b.Type))));
    }

    public IReadOnlyList<SchemaAttribute> Attributes { get; }
    public IReadOnlyList<SchemaNestedBlock> NestedBlocks { get; }
    public IReadOnlyList<IObjectValidator> ObjectValidators { get; }
    public string? Description { get; }
    public string? Deprecation { get; }
    public CtyObjectType ImpliedType { get; }

    public SchemaAttribute? FindAttribute(string name) => _attributesByName.GetValueOrDefault(name);
    public SchemaNestedBlock? FindBlock(string name) => _blocksByName.GetValueOrDefault(name);

    /// <summary>A null object of this block's type with every list/set block empty: a stub state to fill in.</summary>
    public CtyValue EmptyObject() => CtyValue.Object(ImpliedType,
        Attributes.Select(a => KeyValuePair.Create(a.Name, CtyValue.Null(a.Type)))
            .Concat(NestedBlocks.Select(b => KeyValuePair.Create(b.Name, b.EmptyValue))));

    /// <summary>
    /// The attribute path for an API field name: an attribute or block whose <c>ApiName</c> or name matches,
    /// following dots into single nested blocks and single nested attributes (<c>sampling.tolerance</c>). An <c>ApiName</c> may itself be a dotted
    /// path into the API object (<c>settings.threads</c>), which also claims the fields beneath it; the longest match
    /// wins. When two attributes feed one API field (a secret and its write-only twin), the one set in
    /// <paramref name="config"/> wins: it is the one that was sent. Null when nothing matches.
    /// </summary>
    public CtyPath? PathForApiField(string apiField, CtyValue? config = null)
    {
        var block = this;
        var path = CtyPath.Root;
        var values = Present(config);
        var parts = apiField.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (Claimant(block, path, parts[i], string.Join('.', parts[i..]), values) is not { } member) break;
            path = member.Path;
            if (!LeadsInto(member, parts[i])) break;
            block = member.Inner!;
            values = Present(values?.GetAttribute(member.Name));
        }
        return path.IsRoot ? null : path;
    }

    /// <summary>
    /// The member of <paramref name="block"/> that claims an API field whose next name is <paramref name="part"/> and
    /// whose remaining dotted path is <paramref name="rest"/>, in this order: an attribute whose <c>ApiName</c> is
    /// <paramref name="rest"/> or a dotted prefix of it (the longest; of two equal ones, the one set in
    /// <paramref name="values"/>, else the first); an attribute named <paramref name="part"/>; a block whose
    /// <c>ApiName</c> is <paramref name="part"/>; a block named <paramref name="part"/>.
    /// </summary>
    private static SchemaMember? Claimant(SchemaBlock block, CtyPath path, string part, string rest, CtyValue? values)
    {
        var members = SchemaShape.Members(block, path).ToArray();
        var attributes = members.Where(m => !m.IsBlock).ToArray();
        var blocks = members.Where(m => m.IsBlock).ToArray();

        var byApiName = attributes.Where(m => m.ApiName is { } n && (rest == n || rest.StartsWith(n + ".", StringComparison.Ordinal)))
            .GroupBy(m => m.ApiName!.Length).MaxBy(g => g.Key)?.ToArray();
        if (byApiName is { Length: > 0 })
        {
            foreach (var m in byApiName)
                if (values is { } v && !v.GetAttribute(m.Name).IsNull) return m;
            return byApiName[0];
        }
        foreach (var m in attributes)
            if (m.Name == part) return m;
        foreach (var m in blocks)
            if (m.ApiName == part) return m;
        foreach (var m in blocks)
            if (m.Name == part) return m;
        return null;
    }

    /// <summary>
    /// Whether the API field goes on into <paramref name="member"/>'s object: only a single nested attribute or single
    /// block (the elements of lists, sets and maps have no API field name), and not an attribute whose dotted
    /// <c>ApiName</c> claimed more than <paramref name="part"/> (it took the rest of the field).
    /// </summary>
    private static bool LeadsInto(SchemaMember member, string part) =>
        member.Nesting == SchemaNesting.Single && (member.IsBlock || member.ApiName is null || member.ApiName == part);

    private static CtyValue? Present(CtyValue? value) => value is { IsKnown: true, IsNull: false } v ? v : null;
}
