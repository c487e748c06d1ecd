namespace DbtTfProvider.Framework.Values;

/// <summary>A map attribute with string keys. See <see cref="TfList{T}"/>.</summary>
public readonly struct TfMap<T> : IEquatable<TfMap<T>>
{
    private readonly IReadOnlyDictionary<string, T>? _elements;

    private TfMap(TfValueState state, IReadOnlyDictionary<string, T>? elements)
    {
        State = state;
        _elements = elements;
    }

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfMap<T> Null;
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
