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

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfList<T> Null;
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
