namespace DbtTfProvider.Plugin.Cty;

public sealed class CtyObjectType : CtyType
{
    public CtyObjectType(IEnumerable<KeyValuePair<string, CtyType>> attributes)
    {
        var sorted = new SortedDictionary<string, CtyType>(StringComparer.Ordinal);
        foreach (var (k, v) in attributes) sorted.Add(k, v);
        Attributes = sorted;
    }

    /// <summary>Attributes in ordinal name order (go-cty's order when it writes msgpack).</summary>
    public IReadOnlyDictionary<string, CtyType> Attributes { get; }

    public override bool Equals(CtyType? other) =>
        other is CtyObjectType o && o.Attributes.Count == Attributes.Count &&
        Attributes.All(kv => o.Attributes.TryGetValue(kv.Key, out var t) && t.Equals(kv.Value));

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add("object");
        foreach (var (k, v) in Attributes) { h.Add(k); h.Add(v); }
        return h.ToHashCode();
    }

    public override string FriendlyName => "object";
}
