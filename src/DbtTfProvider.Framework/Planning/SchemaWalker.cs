using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>Rewrites one attribute's planned value, given its configured and prior values at the same place.</summary>
internal delegate CtyValue AttributeStep(SchemaAttribute attribute, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior);

/// <summary>
/// Like <see cref="AttributeStep"/>, also given the prior value of the object holding the attribute (null when that
/// object is new: a create, or a block element added by this change).
/// </summary>
internal delegate CtyValue AttributeInObjectStep(SchemaAttribute attribute, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior, CtyValue priorObject);

/// <summary>Rewrites a nested block's whole value (after its contents were walked).</summary>
internal delegate CtyValue BlockStep(SchemaNestedBlock block, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior);

/// <summary>
/// Walks a planned object along its schema, pairing every attribute with its configured and prior values. Lists of
/// blocks pair by index; sets of blocks pair each planned element with the configured and prior element whose
/// non-computed attributes are equal, which is how Terraform itself correlated them when it proposed the plan.
/// Paths into sets stop at the set, as the protocol requires.
/// </summary>
internal static class SchemaWalker
{
    public static CtyValue Walk(SchemaBlock block, CtyValue planned, CtyValue config, CtyValue prior, AttributeStep onAttribute, BlockStep? onBlock = null) =>
        WalkObject(block, CtyPath.Root, planned, config, prior, (a, path, p, c, pr, _) => onAttribute(a, path, p, c, pr), onBlock);

    public static CtyValue Walk(SchemaBlock block, CtyValue planned, CtyValue config, CtyValue prior, AttributeInObjectStep onAttribute, BlockStep? onBlock = null) =>
        WalkObject(block, CtyPath.Root, planned, config, prior, onAttribute, onBlock);

    private static CtyValue WalkObject(SchemaBlock block, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior, AttributeInObjectStep onAttribute, BlockStep? onBlock)
    {
        if (!planned.IsKnown) return planned;
        var result = new List<KeyValuePair<string, CtyValue>>(block.Attributes.Count + block.NestedBlocks.Count);
        foreach (var a in block.Attributes)
        {
            result.Add(KeyValuePair.Create(a.Name,
                onAttribute(a, path.Attr(a.Name), planned.GetAttribute(a.Name), Child(config, a.Name, a.Type), Child(prior, a.Name, a.Type), prior)));
        }
        foreach (var b in block.NestedBlocks)
        {
            var blockPath = path.Attr(b.Name);
            var c = Child(config, b.Name, b.Type);
            var p = Child(prior, b.Name, b.Type);
            var v = WalkNested(b, blockPath, planned.GetAttribute(b.Name), c, p, onAttribute, onBlock);
            if (onBlock is not null) v = onBlock(b, blockPath, v, c, p);
            result.Add(KeyValuePair.Create(b.Name, v));
        }
        return CtyValue.Object(block.ImpliedType, result);
    }

    private static CtyValue WalkNested(SchemaNestedBlock b, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior, AttributeInObjectStep onAttribute, BlockStep? onBlock)
    {
        if (!planned.IsKnown) return planned;
        var elementType = b.Block.ImpliedType;
        switch (b.Nesting)
        {
            case BlockNesting.Single:
                return WalkObject(b.Block, path, planned, config, prior, onAttribute, onBlock);
            case BlockNesting.List:
                return CtyValue.List(elementType, planned.Elements.Select((e, i) =>
                    WalkObject(b.Block, path.Index(i), e, ElementAt(config, i, elementType), ElementAt(prior, i, elementType), onAttribute, onBlock)));
            default:
                var configByKey = ElementsByKey(b.Block, config);
                var priorByKey = ElementsByKey(b.Block, prior);
                var none = CtyValue.Null(elementType);
                return CtyValue.Set(elementType, planned.Elements.Select(e =>
                {
                    // Each element is projected once, and found among the candidates by hash: linear in the set's size.
                    var key = e.IsKnown ? NonComputedProjection(b.Block, e) : null;
                    return WalkObject(b.Block, path, e, Find(configByKey, key) ?? none, Find(priorByKey, key) ?? none, onAttribute, onBlock);
                }));
        }
    }

    private static CtyValue Child(CtyValue parent, string name, CtyType type) =>
        parent.Type is CtyObjectType ? parent.GetAttribute(name) : parent.IsUnknown ? CtyValue.Unknown(type) : CtyValue.Null(type);

    private static CtyValue ElementAt(CtyValue list, int index, CtyType elementType) =>
        list.IsKnown && index < list.Elements.Count ? list.Elements[index]
        : list.IsUnknown ? CtyValue.Unknown(elementType) : CtyValue.Null(elementType);

    /// <summary>
    /// The known elements of a set of blocks by their <see cref="NonComputedProjection"/>, each projected once; of
    /// elements with equal projections the first is kept. Null when the set is not known or empty.
    /// </summary>
    private static Dictionary<CtyValue, CtyValue>? ElementsByKey(SchemaBlock block, CtyValue set)
    {
        if (!set.IsKnown || set.Elements.Count == 0) return null;
        var byKey = new Dictionary<CtyValue, CtyValue>(set.Elements.Count);
        foreach (var c in set.Elements)
            if (c.IsKnown) byKey.TryAdd(NonComputedProjection(block, c), c);
        return byKey;
    }

    private static CtyValue? Find(Dictionary<CtyValue, CtyValue>? byKey, CtyValue? key) =>
        byKey is not null && key is not null && byKey.TryGetValue(key, out var match) ? match : null;

    /// <summary>The object with every computed attribute nulled, recursively: what identifies a set element.</summary>
    public static CtyValue NonComputedProjection(SchemaBlock block, CtyValue obj)
    {
        if (!obj.IsKnown) return obj;
        var result = new List<KeyValuePair<string, CtyValue>>();
        foreach (var a in block.Attributes)
            result.Add(KeyValuePair.Create(a.Name, a.Computed ? CtyValue.Null(a.Type) : obj.GetAttribute(a.Name)));
        foreach (var b in block.NestedBlocks)
        {
            var v = obj.GetAttribute(b.Name);
            if (v.IsKnown)
            {
                v = b.Nesting switch
                {
                    BlockNesting.Single => NonComputedProjection(b.Block, v),
                    BlockNesting.List => CtyValue.List(b.Block.ImpliedType, v.Elements.Select(e => NonComputedProjection(b.Block, e))),
                    _ => CtyValue.Set(b.Block.ImpliedType, v.Elements.Select(e => NonComputedProjection(b.Block, e))),
                };
            }
            result.Add(KeyValuePair.Create(b.Name, v));
        }
        return CtyValue.Object(block.ImpliedType, result);
    }
}
