using System.Numerics;
using DbtTfProvider.Plugin.Cty;
using FsCheck;
using FsCheck.Fluent;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>FsCheck arbitraries for cty types and values (register with <c>[Property(Arbitrary = ...)]</c>).</summary>
public static class CtyArbitraries
{
    public static Arbitrary<CtyType> Types() => Arb.From(CtyGen.Type(4));
    public static Arbitrary<TypedValue> TypedValues() => Arb.From(CtyGen.TypedValue(allowUnknowns: true, allowInfinity: true).Select(p => new TypedValue(p.Type, p.Value)));
    public static Arbitrary<JsonTypedValue> JsonTypedValues() => Arb.From(CtyGen.TypedValue(allowUnknowns: false, allowInfinity: false).Select(p => new JsonTypedValue(p.Type, p.Value)));
    public static Arbitrary<DamagedMsgPack> DamagedMsgPack() => Arb.From(CtyGen.DamagedMsgPack());
}
