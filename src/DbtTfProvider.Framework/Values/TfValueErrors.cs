using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

internal static class TfValueErrors
{
    public static InvalidOperationException NotKnown(TfValueState state, string type) =>
        new($"The {type} is {(state == TfValueState.Null ? "null" : "unknown")}; check IsKnown (or use ValueOrNull) before reading Value.");

    public static ArgumentException WrongType(CtyValue value, CtyType expected) =>
        new($"A {value.Type.FriendlyName} value cannot be read as {expected.FriendlyName}.");
}
