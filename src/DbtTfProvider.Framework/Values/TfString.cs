using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

/// <summary>A string attribute value that keeps null and unknown apart from known.</summary>
public readonly struct TfString : ITfPrimitive<TfString>, IEquatable<TfString>
{
    private readonly string? _value;

    private TfString(TfValueState state, string? value)
    {
        State = state;
        _value = value;
    }

    /// <summary>Null is the zero value (<see cref="TfValueState"/>).</summary>
    public static readonly TfString Null;
    public static readonly TfString Unknown = new(TfValueState.Unknown, null);
    public static TfString Of(string value) => new(TfValueState.Known, value ?? throw new ArgumentNullException(nameof(value)));
    /// <summary>Null when <paramref name="value"/> is null: the usual mapping from an optional API field.</summary>
    public static TfString OfNullable(string? value) => value is null ? Null : Of(value);

    public TfValueState State { get; }
    public bool IsNull => State == TfValueState.Null;
    public bool IsUnknown => State == TfValueState.Unknown;
    public bool IsKnown => State == TfValueState.Known;

    public string Value => IsKnown ? _value! : throw TfValueErrors.NotKnown(State, "string");
    /// <summary>The value when known, otherwise null (unknown reads as null).</summary>
    public string? ValueOrNull => IsKnown ? _value : null;

    public static implicit operator TfString(string? value) => OfNullable(value);

    static CtyType ITfPrimitive<TfString>.CtyType => CtyType.String;
    static TfString ITfPrimitive<TfString>.NullValue => Null;
    static TfString ITfPrimitive<TfString>.UnknownValue => Unknown;
    public static TfString FromCty(CtyValue value)
    {
        if (value.IsNull) return Null;
        if (value.IsUnknown) return Unknown;
        if (value.Type != CtyType.String) throw TfValueErrors.WrongType(value, CtyType.String);
        return Of(value.AsString());
    }
    public CtyValue ToCty() => State switch
    {
        TfValueState.Known => CtyValue.String(_value!),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.String),
        _ => CtyValue.Null(CtyType.String),
    };

    public bool Equals(TfString other) => State == other.State && string.Equals(_value, other._value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is TfString o && Equals(o);
    public override int GetHashCode() => HashCode.Combine(State, _value);
    public static bool operator ==(TfString a, TfString b) => a.Equals(b);
    public static bool operator !=(TfString a, TfString b) => !a.Equals(b);
    public override string ToString() => State switch { TfValueState.Known => _value!, TfValueState.Unknown => "(unknown)", _ => "null" };
}
