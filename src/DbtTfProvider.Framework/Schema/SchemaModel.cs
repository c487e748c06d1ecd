using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// One attribute of a schema, independent of the wire protocol. Built by <see cref="SchemaBuilder{TModel}"/>; the
/// protocol adapter translates it to a tfplugin6 attribute and the planner reads its flags. A record: a changed copy is
/// <c>attribute with { Sensitive = true }</c>, which keeps every other member.
/// </summary>
public sealed record SchemaAttribute
{
    public required string Name { get; init; }
    public required CtyType Type { get; init; }
    public bool Required { get; init; }
    public bool Optional { get; init; }
    public bool Computed { get; init; }
    public bool Sensitive { get; init; }
    public bool WriteOnly { get; init; }
    public string? Description { get; init; }
    public string? Deprecation { get; init; }
    /// <summary>Planned when configuration leaves the attribute null (resource schemas only).</summary>
    public CtyValue? Default { get; init; }
    public IReadOnlyList<IPlanModifier> PlanModifiers { get; init; } = [];
    public IReadOnlyList<IAttributeValidator> Validators { get; init; } = [];
    /// <summary>The field name an API uses for this attribute, when it differs (maps API errors to this attribute).</summary>
    public string? ApiName { get; init; }
    /// <summary>
    /// Not a field of the API object (a create-time action such as "start a run now"): <see cref="ApiObjectMapping{TModel}"/>
    /// neither sends, reads back nor compares it.
    /// </summary>
    public bool LocalOnly { get; init; }
    /// <summary>How the attribute is written into and read from the API object when it is not one JSON value at its API name.</summary>
    public IApiFieldConverter? ApiConverter { get; init; }
    /// <summary>Provider configuration only: environment variables consulted, in order, when the attribute is null.</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; init; } = [];
    /// <summary>
    /// Provider configuration only: optional to Terraform (it may come from <see cref="EnvironmentVariables"/>), but the
    /// provider cannot work without it; documented as required.
    /// </summary>
    public bool RequiredSetting { get; init; }
    /// <summary>
    /// For a nested attribute (<c>owner = { name = "x" }</c>, or a list, set or map of such objects): the attributes of
    /// each object and how the objects nest. Null for an attribute of a plain type. <see cref="Type"/> is then the
    /// object type, or the collection of it.
    /// </summary>
    public SchemaNestedType? NestedType { get; init; }
}

public enum BlockNesting { Single, List, Set }

public enum AttributeNesting { Single, List, Set, Map }

/// <summary>
/// The objects a nested attribute holds: their attributes (<see cref="SchemaBlock"/> without nested blocks, which
/// Terraform does not allow inside nested attributes) and the nesting mode.
/// </summary>
public sealed record SchemaNestedType
{
    public required AttributeNesting Nesting { get; init; }
    public required SchemaBlock Object { get; init; }

    /// <summary>The cty type of the attribute's value: the object, or a list, set or map of it.</summary>
    public CtyType Type => Nesting switch
    {
        AttributeNesting.Single => Object.ImpliedType,
        AttributeNesting.List => CtyType.List(Object.ImpliedType),
        AttributeNesting.Set => CtyType.Set(Object.ImpliedType),
        _ => CtyType.Map(Object.ImpliedType),
    };
}

/// <summary>A nested block type (<c>tag { ... }</c>) with its nesting mode and item limits; a record, changed with <c>with</c>.</summary>
public sealed record SchemaNestedBlock
{
    public required string Name { get; init; }
    public required BlockNesting Nesting { get; init; }
    public required SchemaBlock Block { get; init; }
    public int MinItems { get; init; }
    public int MaxItems { get; init; }
    public string? Description { get; init; }
    public string? Deprecation { get; init; }
    public IReadOnlyList<IPlanModifier> PlanModifiers { get; init; } = [];
    public IReadOnlyList<IAttributeValidator> Validators { get; init; } = [];
    public string? ApiName { get; init; }

    /// <summary>The cty type of the block's value: an object (single), or a list or set of objects.</summary>
    public CtyType Type => Nesting switch
    {
        BlockNesting.Single => Block.ImpliedType,
        BlockNesting.List => CtyType.List(Block.ImpliedType),
        _ => CtyType.Set(Block.ImpliedType),
    };

    /// <summary>A list or set of blocks is an empty collection, never null, when no block is written.</summary>
    public CtyValue EmptyValue => Nesting switch
    {
        BlockNesting.Single => CtyValue.Null(Block.ImpliedType),
        BlockNesting.List => CtyValue.List(Block.ImpliedType, []),
        _ => CtyValue.Set(Block.ImpliedType, []),
    };
}

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
