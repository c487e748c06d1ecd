using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

/// <summary>A bool attribute value that keeps null and unknown apart from known.</summary>
public readonly struct TfBool : ITfPrimitive<TfBool>, IEquatable<TfBool>
{
    private readonly bool _value;

    private TfBool(TfValueState state, bool value)
    {
        State = state;
        _value = value;
    }

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfBool Null;
    public static readonly TfBool Unknown = new(TfValueState.Unknown, false);
    public static TfBool Of(bool value) => new(TfValueState.Known, value);
    public static TfBool OfNullable(bool? value) => value is null ? Null : Of(value.Value);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public bool Value => IsKnown ? _value : throw TfValueErrors.NotKnown(State, "bool");
    public bool? ValueOrNull => IsKnown ? _value : null;

    public static implicit operator TfBool(bool value) => Of(value);
    public static implicit operator TfBool(bool? value) => OfNullable(value);

    static CtyType ITfPrimitive<TfBool>.CtyType => CtyType.Bool;
    static TfBool ITfPrimitive<TfBool>.NullValue => Null;
    static TfBool ITfPrimitive<TfBool>.UnknownValue => Unknown;
    public static TfBool FromCty(CtyValue value)
    {
        if (value.IsNull) return Null;
        if (value.IsUnknown) return Unknown;
        if (value.Type != CtyType.Bool) throw TfValueErrors.WrongType(value, CtyType.Bool);
        return Of(value.AsBool());
    }
    public CtyValue ToCty() => State switch
    {
        TfValueState.Known => CtyValue.Bool(_value),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.Bool),
        _ => CtyValue.Null(CtyType.Bool),
    };

    public bool Equals(TfBool other) => State == other.State && _value == other._value;
    public override bool Equals(object? obj) => obj is TfBool o && Equals(o);
    public override int GetHashCode() => HashCode.Combine(State, _value);
    public static bool operator ==(TfBool a, TfBool b) => a.Equals(b);
    public static bool operator !=(TfBool a, TfBool b) => !a.Equals(b);
    public override string ToString() => State switch { TfValueState.Known => _value ? "true" : "false", TfValueState.Unknown => "(unknown)", _ => "null" };
}
