using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

/// <summary>
/// A whole-number attribute value (cty number restricted to 64-bit integers). Decoding a fractional or too large
/// number fails with an error that names the attribute; declare such attributes with <see cref="TfNumber"/>.
/// </summary>
public readonly struct TfInt64 : ITfPrimitive<TfInt64>, IEquatable<TfInt64>
{
    private readonly long _value;

    private TfInt64(TfValueState state, long value)
    {
        State = state;
        _value = value;
    }

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfInt64 Null;
    public static readonly TfInt64 Unknown = new(TfValueState.Unknown, 0);
    public static TfInt64 Of(long value) => new(TfValueState.Known, value);
    public static TfInt64 OfNullable(long? value) => value is null ? Null : Of(value.Value);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public long Value => IsKnown ? _value : throw TfValueErrors.NotKnown(State, "number");
    public long? ValueOrNull => IsKnown ? _value : null;

    public static implicit operator TfInt64(long value) => Of(value);
    public static implicit operator TfInt64(long? value) => OfNullable(value);

    static CtyType ITfPrimitive<TfInt64>.CtyType => CtyType.Number;
    static TfInt64 ITfPrimitive<TfInt64>.NullValue => Null;
    static TfInt64 ITfPrimitive<TfInt64>.UnknownValue => Unknown;
    public static TfInt64 FromCty(CtyValue value)
    {
        if (value.IsNull) return Null;
        if (value.IsUnknown) return Unknown;
        if (value.Type != CtyType.Number) throw TfValueErrors.WrongType(value, CtyType.Number);
        var n = value.AsNumber();
        return n.TryGetInt64(out var l) ? Of(l) : throw new ArgumentException($"{n} is not a whole number between {long.MinValue} and {long.MaxValue}.");
    }
    public CtyValue ToCty() => State switch
    {
        TfValueState.Known => CtyValue.Number(_value),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.Number),
        _ => CtyValue.Null(CtyType.Number),
    };

    public bool Equals(TfInt64 other) => State == other.State && _value == other._value;
    public override bool Equals(object? obj) => obj is TfInt64 o && Equals(o);
    public override int GetHashCode() => HashCode.Combine(State, _value);
    public static bool operator ==(TfInt64 a, TfInt64 b) => a.Equals(b);
    public static bool operator !=(TfInt64 a, TfInt64 b) => !a.Equals(b);
    public override string ToString() => State switch { TfValueState.Known => _value.ToString(System.Globalization.CultureInfo.InvariantCulture), TfValueState.Unknown => "(unknown)", _ => "null" };
}
