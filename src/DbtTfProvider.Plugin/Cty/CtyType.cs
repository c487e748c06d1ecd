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

public enum CtyPrimitiveKind { String, Number, Bool }

public sealed class CtyPrimitiveType : CtyType
{
    internal CtyPrimitiveType(CtyPrimitiveKind kind) => Kind = kind;
    public CtyPrimitiveKind Kind { get; }
    public override bool Equals(CtyType? other) => other is CtyPrimitiveType p && p.Kind == Kind;
    public override int GetHashCode() => (int)Kind + 1;
    public override string FriendlyName => Kind switch
    {
        CtyPrimitiveKind.String => "string",
        CtyPrimitiveKind.Number => "number",
        _ => "bool",
    };
}

public sealed class CtyDynamicType : CtyType
{
    internal CtyDynamicType() { }
    public override bool Equals(CtyType? other) => other is CtyDynamicType;
    public override int GetHashCode() => 17;
    public override string FriendlyName => "dynamic";
}

/// <summary>list, set or map: one element type.</summary>
public abstract class CtyCollectionType(CtyType element) : CtyType
{
    public CtyType Element { get; } = element;
    public override bool Equals(CtyType? other) => other is not null && other.GetType() == GetType() && ((CtyCollectionType)other).Element.Equals(Element);
    public override int GetHashCode() => HashCode.Combine(GetType().Name, Element);
}

public sealed class CtyListType(CtyType element) : CtyCollectionType(element)
{
    public override string FriendlyName => $"list of {Element.FriendlyName}";
}

public sealed class CtySetType(CtyType element) : CtyCollectionType(element)
{
    public override string FriendlyName => $"set of {Element.FriendlyName}";
}

public sealed class CtyMapType(CtyType element) : CtyCollectionType(element)
{
    public override string FriendlyName => $"map of {Element.FriendlyName}";
}

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
