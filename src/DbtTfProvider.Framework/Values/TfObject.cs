namespace DbtTfProvider.Framework.Values;

/// <summary>A single nested block or nested object: absent (null), unknown, or an element model.</summary>
public readonly struct TfObject<T> : IEquatable<TfObject<T>> where T : class
{
    private readonly T? _value;

    private TfObject(TfValueState state, T? value)
    {
        State = state;
        _value = value;
    }

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfObject<T> Null;
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
