namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// A cty type, as Terraform core understands it. Types compare structurally, so two separately built
/// <c>list(string)</c> types are equal and can key dictionaries.
/// </summary>
public abstract class CtyType : IEquatable<CtyType>
{
    public static readonly CtyType String = new CtyPrimitiveType(CtyPrimitiveKind.String);
    public static readonly CtyType Number = new CtyPrimitiveType(CtyPrimitiveKind.Number);
    public static readonly CtyType Bool = new CtyPrimitiveType(CtyPrimitiveKind.Bool);

    /// <summary>The pseudo-type <c>dynamic</c>: the concrete type travels with the value.</summary>
    public static readonly CtyType Dynamic = new CtyDynamicType();

    public static CtyListType List(CtyType element) => new(element);
    public static CtySetType Set(CtyType element) => new(element);
    public static CtyMapType Map(CtyType element) => new(element);
    public static CtyTupleType Tuple(params CtyType[] elements) => new(elements);
    public static CtyObjectType Object(IEnumerable<KeyValuePair<string, CtyType>> attributes) => new(attributes);

    public bool IsPrimitive => this is CtyPrimitiveType;
    public bool IsCollection => this is CtyCollectionType;

    public abstract bool Equals(CtyType? other);
    public override bool Equals(object? obj) => obj is CtyType t && Equals(t);
    public abstract override int GetHashCode();

    /// <summary>Terraform's friendly name, e.g. <c>list of string</c> (used in diagnostics).</summary>
    public abstract string FriendlyName { get; }
    public override string ToString() => FriendlyName;

    public static bool operator ==(CtyType? a, CtyType? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(CtyType? a, CtyType? b) => !(a == b);
}
