using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

/// <summary>
/// Null is the zero value on purpose: a freshly constructed model has every attribute null, which is what an
/// attribute absent from configuration is.
/// </summary>
public enum TfValueState { Null = 0, Unknown, Known }

/// <summary>
/// A primitive model value (string, number, bool) that converts to and from cty without reflection, so schema
/// builders and collections can be generic over it.
/// </summary>
public interface ITfPrimitive<TSelf> where TSelf : struct, ITfPrimitive<TSelf>
{
    static abstract CtyType CtyType { get; }
    static abstract TSelf FromCty(CtyValue value);
    static abstract TSelf NullValue { get; }
    static abstract TSelf UnknownValue { get; }
    CtyValue ToCty();
    TfValueState State { get; }
}

internal static class TfValueErrors
{
    public static InvalidOperationException NotKnown(TfValueState state, string type) =>
        new($"The {type} is {(state == TfValueState.Null ? "null" : "unknown")}; check IsKnown (or use ValueOrNull) before reading Value.");

    public static ArgumentException WrongType(CtyValue value, CtyType expected) =>
        new($"A {value.Type.FriendlyName} value cannot be read as {expected.FriendlyName}.");
}
