namespace DbtTfProvider.Framework.Values;

/// <summary>A set attribute or set of blocks; element order carries no meaning. See <see cref="TfList{T}"/>.</summary>
public readonly struct TfSet<T> : IEquatable<TfSet<T>>
{
    private readonly IReadOnlyList<T>? _elements;

    private TfSet(TfValueState state, IReadOnlyList<T>? elements)
    {
        State = state;
        _elements = elements;
    }

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfSet<T> Null;
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
