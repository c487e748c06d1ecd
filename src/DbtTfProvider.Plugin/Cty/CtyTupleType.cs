namespace DbtTfProvider.Plugin.Cty;

public sealed class CtyTupleType : CtyType
{
    public CtyTupleType(IEnumerable<CtyType> elements) => Elements = elements.ToArray();
    public IReadOnlyList<CtyType> Elements { get; }
    public override bool Equals(CtyType? other) => other is CtyTupleType t && t.Elements.SequenceEqual(Elements);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add("tuple");
        foreach (var e in Elements) h.Add(e);
        return h.ToHashCode();
    }
    public override string FriendlyName => "tuple";
}
