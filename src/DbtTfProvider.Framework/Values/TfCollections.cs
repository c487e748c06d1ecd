using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

/// <summary>
/// A list attribute or list of blocks. Elements are primitive values (<see cref="TfString"/>, ...) or, for blocks,
/// element models. A list whose elements are partly unknown (possible only in configuration and plans) reads as
/// wholly unknown.
/// </summary>
public readonly struct TfList<T> : IEquatable<TfList<T>>
{
    private readonly IReadOnlyList<T>? _elements;

    private TfList(TfValueState state, IReadOnlyList<T>? elements)
    {
        State = state;
        _elements = elements;
    }

    public static readonly TfList<T> Null = default;
    public static readonly TfList<T> Unknown = new(TfValueState.Unknown, null);
    public static readonly TfList<T> Empty = new(TfValueState.Known, []);
    public static TfList<T> Of(IEnumerable<T> elements) => new(TfValueState.Known, elements.ToArray());
    public static TfList<T> Of(params T[] elements) => new(TfValueState.Known, elements.ToArray());
    public static TfList<T> OfNullable(IEnumerable<T>? elements) => elements is null ? Null : Of(elements);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public IReadOnlyList<T> Elements => IsKnown ? _elements! : throw TfValueErrors.NotKnown(State, "list");
    /// <summary>The elements when known; empty for null and unknown.</summary>
    public IReadOnlyList<T> ElementsOrEmpty => IsKnown ? _elements! : [];

    /// <summary>Same state and, when known, equal elements in the same order (models by value, see <see cref="ModelEquality{T}"/>).</summary>
    public bool Equals(TfList<T> other) => State == other.State && (!IsKnown || _elements!.SequenceEqual(other._elements!, ModelEquality<T>.Comparer));
    public override bool Equals(object? obj) => obj is TfList<T> o && Equals(o);
    public override int GetHashCode() => IsKnown ? ContentHash.Ordered(State, _elements!) : HashCode.Combine(State);
    public static bool operator ==(TfList<T> a, TfList<T> b) => a.Equals(b);
    public static bool operator !=(TfList<T> a, TfList<T> b) => !a.Equals(b);
    public override string ToString() => State switch { TfValueState.Known => "[" + string.Join(", ", _elements!) + "]", TfValueState.Unknown => "(unknown)", _ => "null" };
}

/// <summary>A set attribute or set of blocks; element order carries no meaning. See <see cref="TfList{T}"/>.</summary>
public readonly struct TfSet<T> : IEquatable<TfSet<T>>
{
    private readonly IReadOnlyList<T>? _elements;

    private TfSet(TfValueState state, IReadOnlyList<T>? elements)
    {
        State = state;
        _elements = elements;
    }

    public static readonly TfSet<T> Null = default;
    public static readonly TfSet<T> Unknown = new(TfValueState.Unknown, null);
    public static readonly TfSet<T> Empty = new(TfValueState.Known, []);
    public static TfSet<T> Of(IEnumerable<T> elements) => new(TfValueState.Known, elements.ToArray());
    public static TfSet<T> Of(params T[] elements) => new(TfValueState.Known, elements.ToArray());
    public static TfSet<T> OfNullable(IEnumerable<T>? elements) => elements is null ? Null : Of(elements);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public IReadOnlyList<T> Elements => IsKnown ? _elements! : throw TfValueErrors.NotKnown(State, "set");
    public IReadOnlyList<T> ElementsOrEmpty => IsKnown ? _elements! : [];

    /// <summary>As sets: the same elements in any order; by hash, so linear in the size.</summary>
    public bool Equals(TfSet<T> other) =>
        State == other.State && (!IsKnown || (_elements!.Count == other._elements!.Count && ContentHash.SameElements(_elements, other._elements)));
    public override bool Equals(object? obj) => obj is TfSet<T> o && Equals(o);
    public override int GetHashCode() => IsKnown ? ContentHash.Unordered(State, _elements!) : HashCode.Combine(State);
    public static bool operator ==(TfSet<T> a, TfSet<T> b) => a.Equals(b);
    public static bool operator !=(TfSet<T> a, TfSet<T> b) => !a.Equals(b);
    public override string ToString() => State switch { TfValueState.Known => "[" + string.Join(", ", _elements!) + "]", TfValueState.Unknown => "(unknown)", _ => "null" };
}

/// <summary>A map attribute with string keys. See <see cref="TfList{T}"/>.</summary>
public readonly struct TfMap<T> : IEquatable<TfMap<T>>
{
    private readonly IReadOnlyDictionary<string, T>? _elements;

    private TfMap(TfValueState state, IReadOnlyDictionary<string, T>? elements)
    {
        State = state;
        _elements = elements;
    }

    public static readonly TfMap<T> Null = default;
    public static readonly TfMap<T> Unknown = new(TfValueState.Unknown, null);
    public static readonly TfMap<T> Empty = new(TfValueState.Known, new SortedDictionary<string, T>(StringComparer.Ordinal));
    public static TfMap<T> Of(IEnumerable<KeyValuePair<string, T>> elements) =>
        new(TfValueState.Known, new SortedDictionary<string, T>(elements.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal));
    public static TfMap<T> OfNullable(IEnumerable<KeyValuePair<string, T>>? elements) => elements is null ? Null : Of(elements);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public IReadOnlyDictionary<string, T> Elements => IsKnown ? _elements! : throw TfValueErrors.NotKnown(State, "map");
    public IReadOnlyDictionary<string, T> ElementsOrEmpty => IsKnown ? _elements! : new Dictionary<string, T>();

    public bool Equals(TfMap<T> other) =>
        State == other.State && (!IsKnown || (_elements!.Count == other._elements!.Count &&
            _elements.All(kv => other._elements.TryGetValue(kv.Key, out var v) && ModelEquality<T>.Comparer.Equals(kv.Value, v))));
    public override bool Equals(object? obj) => obj is TfMap<T> o && Equals(o);
    public override int GetHashCode() => IsKnown
        ? ContentHash.Unordered(State, _elements!.Select(kv => HashCode.Combine(StringComparer.Ordinal.GetHashCode(kv.Key), ModelEquality<T>.Comparer.GetHashCode(kv.Value!))))
        : HashCode.Combine(State);
    public static bool operator ==(TfMap<T> a, TfMap<T> b) => a.Equals(b);
    public static bool operator !=(TfMap<T> a, TfMap<T> b) => !a.Equals(b);
    public override string ToString() => State switch
    {
        TfValueState.Known => "{" + string.Join(", ", _elements!.Select(kv => kv.Key + " = " + kv.Value)) + "}",
        TfValueState.Unknown => "(unknown)",
        _ => "null",
    };
}

/// <summary>A single nested block or nested object: absent (null), unknown, or an element model.</summary>
public readonly struct TfObject<T> : IEquatable<TfObject<T>> where T : class
{
    private readonly T? _value;

    private TfObject(TfValueState state, T? value)
    {
        State = state;
        _value = value;
    }

    public static readonly TfObject<T> Null = default;
    public static readonly TfObject<T> Unknown = new(TfValueState.Unknown, null);
    public static TfObject<T> Of(T value) => new(TfValueState.Known, value ?? throw new ArgumentNullException(nameof(value)));
    public static TfObject<T> OfNullable(T? value) => value is null ? Null : Of(value);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public T Value => IsKnown ? _value! : throw TfValueErrors.NotKnown(State, "object");
    public T? ValueOrNull => IsKnown ? _value : null;

    public static implicit operator TfObject<T>(T? value) => OfNullable(value);
    public bool Equals(TfObject<T> other) => State == other.State && (!IsKnown || ModelEquality<T>.Comparer.Equals(_value!, other._value!));
    public override bool Equals(object? obj) => obj is TfObject<T> o && Equals(o);
    public override int GetHashCode() => IsKnown ? HashCode.Combine(State, ModelEquality<T>.Comparer.GetHashCode(_value!)) : HashCode.Combine(State);
    public static bool operator ==(TfObject<T> a, TfObject<T> b) => a.Equals(b);
    public static bool operator !=(TfObject<T> a, TfObject<T> b) => !a.Equals(b);
    public override string ToString() => State switch { TfValueState.Known => _value!.ToString() ?? "", TfValueState.Unknown => "(unknown)", _ => "null" };
}

/// <summary>Content hashes of the collections: equal collections hash alike; sets and maps whatever their order.</summary>
internal static class ContentHash
{
    public static int Ordered<T>(TfValueState state, IReadOnlyList<T> elements)
    {
        var h = new HashCode();
        h.Add(state);
        foreach (var e in elements) h.Add(ModelEquality<T>.Comparer.GetHashCode(e!));
        return h.ToHashCode();
    }

    /// <summary>Order-free: a sum of mixed element hashes; repeated elements count once, as set equality counts them.</summary>
    public static int Unordered<T>(TfValueState state, IReadOnlyList<T> elements) =>
        Unordered(state, elements.Distinct(ModelEquality<T>.Comparer).Select(e => ModelEquality<T>.Comparer.GetHashCode(e!)));

    public static int Unordered(TfValueState state, IEnumerable<int> hashes)
    {
        var sum = 0u;
        var count = 0;
        foreach (var h in hashes)
        {
            sum += OrderFreeHash.Mix((uint)h);
            count++;
        }
        return HashCode.Combine(state, sum, count);
    }

    /// <summary>Every element of each list is in the other: pairwise for a few elements, by hash beyond.</summary>
    public static bool SameElements<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        var comparer = ModelEquality<T>.Comparer;
        if (a.Count <= 8) return a.All(x => b.Contains(x, comparer)) && b.All(x => a.Contains(x, comparer));
        var inB = new HashSet<T>(b, comparer);
        if (!a.All(inB.Contains)) return false;
        var inA = new HashSet<T>(a, comparer);
        return b.All(inA.Contains);
    }

}

/// <summary>Shortcuts for the common collections of strings and whole numbers.</summary>
public static class TfCollections
{
    public static TfList<TfString> ListOfStrings(IEnumerable<string> values) => TfList<TfString>.Of(values.Select(TfString.Of));
    public static TfSet<TfString> SetOfStrings(IEnumerable<string> values) => TfSet<TfString>.Of(values.Select(TfString.Of));
    public static TfList<TfInt64> ListOfInt64s(IEnumerable<long> values) => TfList<TfInt64>.Of(values.Select(TfInt64.Of));
    public static TfSet<TfInt64> SetOfInt64s(IEnumerable<long> values) => TfSet<TfInt64>.Of(values.Select(TfInt64.Of));
    public static TfMap<TfString> MapOfStrings(IEnumerable<KeyValuePair<string, string>> values) =>
        TfMap<TfString>.Of(values.Select(kv => KeyValuePair.Create(kv.Key, TfString.Of(kv.Value))));

    /// <summary>The known element values; throws if the collection or an element is null or unknown.</summary>
    public static IEnumerable<string> Values(this TfList<TfString> list) => list.Elements.Select(e => e.Value);
    public static IEnumerable<string> Values(this TfSet<TfString> set) => set.Elements.Select(e => e.Value);
    public static IEnumerable<long> Values(this TfList<TfInt64> list) => list.Elements.Select(e => e.Value);
    public static IEnumerable<long> Values(this TfSet<TfInt64> set) => set.Elements.Select(e => e.Value);
    public static IEnumerable<KeyValuePair<string, string>> Values(this TfMap<TfString> map) =>
        map.Elements.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Value));
}
