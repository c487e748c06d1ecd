using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

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
