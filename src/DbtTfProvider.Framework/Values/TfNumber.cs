using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

/// <summary>An arbitrary-precision number attribute value (fractions such as a sampling tolerance).</summary>
public readonly struct TfNumber : ITfPrimitive<TfNumber>, IEquatable<TfNumber>
{
    private readonly CtyNumber _value;

    private TfNumber(TfValueState state, CtyNumber value)
    {
        State = state;
        _value = value;
    }

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfNumber Null;
    public static readonly TfNumber Unknown = new(TfValueState.Unknown, CtyNumber.Zero);
    public static TfNumber Of(CtyNumber value) => new(TfValueState.Known, value);
    public static TfNumber Of(double value) => new(TfValueState.Known, CtyNumber.FromDouble(value));
    public static TfNumber OfNullable(double? value) => value is null ? Null : Of(value.Value);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public CtyNumber Value => IsKnown ? _value : throw TfValueErrors.NotKnown(State, "number");
    public double? DoubleOrNull => IsKnown ? _value.ToDouble() : null;

    static CtyType ITfPrimitive<TfNumber>.CtyType => CtyType.Number;
    static TfNumber ITfPrimitive<TfNumber>.NullValue => Null;
    static TfNumber ITfPrimitive<TfNumber>.UnknownValue => Unknown;
    public static TfNumber FromCty(CtyValue value)
    {
        if (value.IsNull) return Null;
        if (value.IsUnknown) return Unknown;
        if (value.Type != CtyType.Number) throw TfValueErrors.WrongType(value, CtyType.Number);
        return Of(value.AsNumber());
    }
    public CtyValue ToCty() => State switch
    {
        TfValueState.Known => CtyValue.Number(_value),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.Number),
        _ => CtyValue.Null(CtyType.Number),
    };

    public bool Equals(TfNumber other) => State == other.State && (State != TfValueState.Known || _value == other._value);
    public override bool Equals(object? obj) => obj is TfNumber o && Equals(o);
    public override int GetHashCode() => HashCode.Combine(State, State == TfValueState.Known ? _value : CtyNumber.Zero);
    public static bool operator ==(TfNumber a, TfNumber b) => a.Equals(b);
    public static bool operator !=(TfNumber a, TfNumber b) => !a.Equals(b);
    public override string ToString() => State switch { TfValueState.Known => _value.ToString(), TfValueState.Unknown => "(unknown)", _ => "null" };
}
