namespace DbtTfProvider.Plugin.Cty;

/// <summary>list, set or map: one element type.</summary>
public abstract class CtyCollectionType(CtyType element) : CtyType
{
    public CtyType Element { get; } = element;
    public override bool Equals(CtyType? other) => other is not null && other.GetType() == GetType() && ((CtyCollectionType)other).Element.Equals(Element);
    public override int GetHashCode() => HashCode.Combine(GetType().Name, Element);
}
