using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>
/// The one walk of a value along its schema: attributes, nested attributes (single, list, set, map) and nested blocks
/// (single, list, set), pairing every place with its configured and prior values. Planning, state rules, validation
/// and set-element identity all use it. Lists pair by index, maps by key; sets pair each planned element with the
/// configured and prior element whose non-computed attributes are equal, which is how Terraform itself correlated
/// them when it proposed the plan. Paths into sets stop at the set, as the protocol requires.
/// A nested attribute's or block's contents are walked before the step for the whole value runs.
/// </summary>
internal static class SchemaWalker
{
    public static CtyValue Walk(SchemaBlock block, CtyValue planned, CtyValue config, CtyValue prior, AttributeStep onAttribute, BlockStep? onBlock = null) =>
        Walk(block, planned, config, prior, (a, w) => onAttribute(a, w.Path, w.Planned, w.Config, w.Prior), Adapt(onBlock));

    public static CtyValue Walk(SchemaBlock block, CtyValue planned, CtyValue config, CtyValue prior, AttributeInObjectStep onAttribute, BlockStep? onBlock = null) =>
        Walk(block, planned, config, prior, (a, w) => onAttribute(a, w.Path, w.Planned, w.Config, w.Prior, w.PriorObject), Adapt(onBlock));

    /// <summary>
    /// The general walk. <paramref name="onObject"/> sees every known object (the root, each block and nested object)
    /// after its members. Without <paramref name="pairSetElements"/> set elements are walked alone (config and prior
    /// null), for walks over a single value.
    /// </summary>
    public static CtyValue Walk(SchemaBlock block, CtyValue planned, CtyValue config, CtyValue prior, AttributeVisit onAttribute,
        BlockVisit? onBlock = null, ObjectVisit? onObject = null, bool pairSetElements = true)
    {
        var none = CtyValue.Null(block.ImpliedType);
        return new Walker(onAttribute, onBlock, onObject, pairSetElements).Object(block, new WalkPlace(CtyPath.Root, planned, config, prior, none, none, false));
    }

    private static BlockVisit? Adapt(BlockStep? onBlock) => onBlock is null ? null : (b, w) => onBlock(b, w.Path, w.Planned, w.Config, w.Prior);

    /// <summary>The object with every computed attribute nulled, recursively: what identifies a set element.</summary>
    public static CtyValue NonComputedProjection(SchemaBlock block, CtyValue obj) =>
        obj.IsKnown
            ? Walk(block, obj, CtyValue.Null(block.ImpliedType), CtyValue.Null(block.ImpliedType),
                (a, w) => a.Computed ? CtyValue.Null(a.Type) : w.Planned, pairSetElements: false)
            : obj;

    private enum Shape { Single, List, Set, Map }

    private sealed class Walker(AttributeVisit onAttribute, BlockVisit? onBlock, ObjectVisit? onObject, bool pairSetElements)
    {
        public CtyValue Object(SchemaBlock block, WalkPlace here)
        {
            var planned = here.Planned;
            if (!planned.IsKnown) return planned;
            var result = new List<KeyValuePair<string, CtyValue>>(block.Attributes.Count + block.NestedBlocks.Count);
            foreach (var a in block.Attributes)
            {
                var place = Member(here, a.Name, a.Type);
                if (a.NestedType is { } nested)
                    place = place with { Planned = Nested(nested.Object, ShapeOf(nested.Nesting), place) };
                result.Add(KeyValuePair.Create(a.Name, onAttribute(a, place)));
            }
            foreach (var b in block.NestedBlocks)
            {
                var place = Member(here, b.Name, b.Type);
                place = place with { Planned = Nested(b.Block, ShapeOf(b.Nesting), place) };
                result.Add(KeyValuePair.Create(b.Name, onBlock is null ? place.Planned : onBlock(b, place)));
            }
            onObject?.Invoke(block, here);
            return CtyValue.Object(block.ImpliedType, result);
        }

        private static WalkPlace Member(WalkPlace parent, string name, CtyType type) => new(
            parent.InsideSet ? parent.Path : parent.Path.Attr(name),
            parent.Planned.GetAttribute(name), Child(parent.Config, name, type), Child(parent.Prior, name, type),
            parent.Planned, parent.Prior, parent.InsideSet);

        private CtyValue Nested(SchemaBlock inner, Shape shape, WalkPlace here)
        {
            var planned = here.Planned;
            if (!planned.IsKnown) return planned;
            var type = inner.ImpliedType;
            var path = here.Path;
            var inSet = here.InsideSet;
            WalkPlace Element(CtyPath p, CtyValue e, CtyValue c, CtyValue pr, bool insideSet) => new(p, e, c, pr, planned, here.Prior, insideSet);
            switch (shape)
            {
                case Shape.Single:
                    return Object(inner, here);
                case Shape.List:
                    return CtyValue.List(type, planned.Elements.Select((e, i) =>
                        Object(inner, Element(inSet ? path : path.Index(i), e, ElementAt(here.Config, i, type), ElementAt(here.Prior, i, type), inSet))));
                case Shape.Map:
                    return CtyValue.Map(type, planned.Attributes.Select(kv => KeyValuePair.Create(kv.Key,
                        Object(inner, Element(inSet ? path : path.Key(kv.Key), kv.Value, ValueAt(here.Config, kv.Key, type), ValueAt(here.Prior, kv.Key, type), inSet)))));
                default:
                    var none = CtyValue.Null(type);
                    if (!pairSetElements)
                        return CtyValue.Set(type, planned.Elements.Select(e => Object(inner, Element(path, e, none, none, true))));
                    var configByKey = ElementsByKey(inner, here.Config);
                    var priorByKey = ElementsByKey(inner, here.Prior);
                    return CtyValue.Set(type, planned.Elements.Select(e =>
                    {
                        // Each element is projected once, and found among the candidates by hash: linear in the set's size.
                        var key = e.IsKnown ? NonComputedProjection(inner, e) : null;
                        return Object(inner, Element(path, e, Find(configByKey, key) ?? none, Find(priorByKey, key) ?? none, true));
                    }));
            }
        }
    }

    private static Shape ShapeOf(BlockNesting nesting) => nesting switch
    {
        BlockNesting.Single => Shape.Single,
        BlockNesting.List => Shape.List,
        _ => Shape.Set,
    };

    private static Shape ShapeOf(AttributeNesting nesting) => nesting switch
    {
        AttributeNesting.Single => Shape.Single,
        AttributeNesting.List => Shape.List,
        AttributeNesting.Set => Shape.Set,
        _ => Shape.Map,
    };

    private static CtyValue Child(CtyValue parent, string name, CtyType type) =>
        parent.IsKnown && parent.Type is CtyObjectType ? parent.GetAttribute(name) : parent.IsUnknown ? CtyValue.Unknown(type) : CtyValue.Null(type);

    private static CtyValue ElementAt(CtyValue list, int index, CtyType elementType) =>
        list.IsKnown && index < list.Elements.Count ? list.Elements[index]
        : list.IsUnknown ? CtyValue.Unknown(elementType) : CtyValue.Null(elementType);

    private static CtyValue ValueAt(CtyValue map, string key, CtyType elementType) =>
        map.IsKnown && map.Attributes.TryGetValue(key, out var value) ? value
        : map.IsUnknown ? CtyValue.Unknown(elementType) : CtyValue.Null(elementType);

    /// <summary>
    /// The known elements of a set of objects by their <see cref="NonComputedProjection"/>, each projected once; of
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
}
