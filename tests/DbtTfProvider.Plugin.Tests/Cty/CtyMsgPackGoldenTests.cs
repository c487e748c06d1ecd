using System.Numerics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>Byte sequences as go-cty writes them (vmihailenco/msgpack v5, compact ints, str8, bin for type JSON).</summary>
public class CtyMsgPackGoldenTests
{
    private static readonly CtyObjectType IdName = CtyType.Object([
        KeyValuePair.Create("id", CtyType.String), KeyValuePair.Create("name", CtyType.String)]);

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));
    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static void AssertGolden(string hex, CtyValue value, CtyType type)
    {
        Assert.Equal(hex.Replace(" ", ""), Hex(CtyMsgPack.Encode(value, type)));
        Assert.Equal(value, CtyMsgPack.Decode(Hex(hex), type));
    }

    [Fact]
    public void Planned_object_with_unknown_id_is_a_sorted_map_with_ext0()
    {
        var planned = CtyValue.Object(IdName, [
            KeyValuePair.Create("name", CtyValue.String("x")),
            KeyValuePair.Create("id", CtyValue.Unknown(CtyType.String))]);
        AssertGolden("82 a2 69 64 d4 00 00 a4 6e 61 6d 65 a1 78", planned, IdName);
    }

    [Fact]
    public void Object_attributes_decode_in_any_order()
    {
        var decoded = CtyMsgPack.Decode(Hex("82 a4 6e 61 6d 65 a1 78 a2 69 64 c0"), IdName);
        Assert.True(decoded.GetAttribute("id").IsNull);
        Assert.Equal("x", decoded.GetAttribute("name").AsString());
    }

    [Fact]
    public void Null_and_unknown_of_any_type()
    {
        AssertGolden("c0", CtyValue.Null(IdName), IdName);
        AssertGolden("d4 00 00", CtyValue.Unknown(CtyType.List(CtyType.String)), CtyType.List(CtyType.String));
        AssertGolden("c0", CtyValue.Null(CtyType.Dynamic), CtyType.Dynamic);
        AssertGolden("d4 00 00", CtyValue.Unknown(CtyType.Dynamic), CtyType.Dynamic);
    }

    [Theory]
    [InlineData("0", "00")]
    [InlineData("127", "7f")]
    [InlineData("128", "cc 80")]
    [InlineData("200", "cc c8")]
    [InlineData("1000", "cd 03 e8")]
    [InlineData("70000", "ce 00 01 11 70")]
    [InlineData("4294967296", "cf 00 00 00 01 00 00 00 00")]
    [InlineData("-1", "ff")]
    [InlineData("-32", "e0")]
    [InlineData("-33", "d0 df")]
    [InlineData("-200", "d1 ff 38")]
    [InlineData("-2147483649", "d3 ff ff ff ff 7f ff ff ff")]
    [InlineData("9223372036854775807", "cf 7f ff ff ff ff ff ff ff")]
    [InlineData("-9223372036854775808", "d3 80 00 00 00 00 00 00 00")]
    [InlineData("18446744073709551615", "cf ff ff ff ff ff ff ff ff")]
    [InlineData("1.5", "cb 3f f8 00 00 00 00 00 00")]
    [InlineData("0.1", "cb 3f b9 99 99 99 99 99 9a")]
    [InlineData("-2.5", "cb c0 04 00 00 00 00 00 00")]
    [InlineData("+Inf", "cb 7f f0 00 00 00 00 00 00")]
    [InlineData("-Inf", "cb ff f0 00 00 00 00 00 00")]
    // Not exact as int64 or float64: the decimal text, which go-cty parses with arbitrary precision.
    [InlineData("123456789012345678901234567890", "be 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30")]
    [InlineData("0.10000000000000000001", "b6 30 2e 31 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 31")]
    public void Numbers_use_go_cty_encodings(string number, string hex) =>
        AssertGolden(hex, CtyValue.Number(CtyNumber.Parse(number)), CtyType.Number);

    [Theory]
    [InlineData("d0 05", "5")]                           // int8
    [InlineData("d1 00 05", "5")]                        // int16
    [InlineData("cd 00 05", "5")]                        // uint16
    [InlineData("cf 00 00 00 00 00 00 00 05", "5")]      // uint64, small
    [InlineData("ca 3f c0 00 00", "1.5")]                // float32
    [InlineData("ca 3d cc cc cd", "0.1")]                // float32 0.1 reads as its shortest decimal
    [InlineData("cb 00 00 00 00 00 00 00 00", "0")]      // +0.0
    [InlineData("cb 80 00 00 00 00 00 00 00", "0")]      // -0.0 is zero
    [InlineData("a3 31 2e 35", "1.5")]                   // decimal string
    [InlineData("a4 31 65 32 30", "100000000000000000000")] // decimal string with exponent
    [InlineData("cb 44 30 00 00 00 00 00 00", "295147905179352825856")] // 2^68 as float64: its exact value
    public void Numbers_decode_from_every_msgpack_form(string hex, string expected) =>
        Assert.Equal(CtyValue.Number(CtyNumber.Parse(expected)), CtyMsgPack.Decode(Hex(hex), CtyType.Number));

    [Fact]
    public void Big_integer_keeps_every_digit()
    {
        var big = CtyNumber.FromBigInteger(BigInteger.Pow(2, 70));
        var decoded = CtyMsgPack.Decode(CtyMsgPack.Encode(CtyValue.Number(big), CtyType.Number), CtyType.Number);
        Assert.Equal("1180591620717411303424", decoded.AsNumber().ToString());
    }

    [Fact]
    public void Dynamic_is_bin_type_json_then_value()
    {
        var list = CtyValue.List(CtyType.String, [CtyValue.String("a"), CtyValue.String("b")]);
        // [bin("[\"list\",\"string\"]"), ["a","b"]]
        AssertGolden("92 c4 11 5b 22 6c 69 73 74 22 2c 22 73 74 72 69 6e 67 22 5d 92 a1 61 a1 62", list, CtyType.Dynamic);
    }

    [Fact]
    public void Dynamic_keeps_the_type_of_a_typed_null_or_unknown()
    {
        AssertGolden("92 c4 08 22 73 74 72 69 6e 67 22 c0", CtyValue.Null(CtyType.String), CtyType.Dynamic);
        AssertGolden("92 c4 08 22 6e 75 6d 62 65 72 22 d4 00 00", CtyValue.Unknown(CtyType.Number), CtyType.Dynamic);
    }

    [Fact]
    public void Dynamic_accepts_the_type_as_str_too()
    {
        var decoded = CtyMsgPack.Decode(Hex("92 a8 22 73 74 72 69 6e 67 22 a1 78"), CtyType.Dynamic);
        Assert.Equal(CtyValue.String("x"), decoded);
    }

    [Fact]
    public void Refined_unknown_ext12_decodes_as_plain_unknown()
    {
        // ext 12 carrying {1: false (not null), 2: "abc" (prefix)}, as Terraform sends for "${unknown}..." templates.
        var decoded = CtyMsgPack.Decode(Hex("d7 0c 82 01 c2 02 a3 61 62 63"), CtyType.String);
        Assert.Equal(CtyValue.Unknown(CtyType.String), decoded);
        // Number bounds and collection length refinements: {3: [1, true], 4: [10, false], 5: 0, 6: 3}
        Assert.True(CtyMsgPack.Decode(Hex("c7 0d 0c 84 03 92 01 c3 04 92 0a c2 05 00 06 03"), CtyType.Number).IsUnknown);
        // Bytes after the refinement map are ignored, as go-cty does.
        Assert.True(CtyMsgPack.Decode(Hex("d6 0c 81 01 c2 c0"), CtyType.String).IsUnknown);
        // The refinements are dropped: written back as a plain unknown.
        Assert.Equal("d40000", Hex(CtyMsgPack.Encode(decoded, CtyType.String)));
    }

    [Theory]
    [InlineData("d4 00 00")]  // go-cty
    [InlineData("c7 00 00")]  // ext8, empty
    [InlineData("d4 07 00")]  // any type with at most one byte
    [InlineData("c7 01 0c 00")]
    public void Any_short_extension_is_unknown(string hex) =>
        Assert.True(CtyMsgPack.Decode(Hex(hex), CtyType.Bool).IsUnknown);

    [Fact]
    public void Collections_maps_sets_and_tuples()
    {
        var map = CtyValue.Map(CtyType.Number, [KeyValuePair.Create("b", CtyValue.Number(2)), KeyValuePair.Create("a", CtyValue.Number(1))]);
        AssertGolden("82 a1 61 01 a1 62 02", map, CtyType.Map(CtyType.Number));
        var set = CtyValue.Set(CtyType.Bool, [CtyValue.True, CtyValue.False, CtyValue.True]);
        AssertGolden("92 c3 c2", set, CtyType.Set(CtyType.Bool));
        var tupleType = CtyType.Tuple(CtyType.String, CtyType.Bool);
        AssertGolden("92 a1 78 c3", CtyValue.Tuple(tupleType, [CtyValue.String("x"), CtyValue.True]), tupleType);
        AssertGolden("90", CtyValue.List(CtyType.String, []), CtyType.List(CtyType.String));
    }

    [Fact]
    public void Set_order_in_the_input_does_not_matter()
    {
        var type = CtyType.Set(CtyType.String);
        Assert.Equal(CtyMsgPack.Decode(Hex("92 a1 61 a1 62"), type), CtyMsgPack.Decode(Hex("92 a1 62 a1 61"), type));
        // Duplicates in the input collapse, as cty sets do.
        Assert.Single(CtyMsgPack.Decode(Hex("92 a1 61 a1 61"), type).Elements);
    }

    [Fact]
    public void Resource_with_an_empty_block_list_and_nulls()
    {
        var type = CtyType.Object([
            KeyValuePair.Create("block", (CtyType)CtyType.List(IdName)),
            KeyValuePair.Create("count", CtyType.Number),
            KeyValuePair.Create("enabled", CtyType.Bool)]);
        var value = CtyValue.Object(type, [
            KeyValuePair.Create("block", CtyValue.List(IdName, [])),
            KeyValuePair.Create("count", CtyValue.Null(CtyType.Number)),
            KeyValuePair.Create("enabled", CtyValue.True)]);
        AssertGolden("83 a5 62 6c 6f 63 6b 90 a5 63 6f 75 6e 74 c0 a7 65 6e 61 62 6c 65 64 c3", value, type);
    }

    [Fact]
    public void Long_strings_use_str8_and_keep_unicode()
    {
        var s = new string('é', 20); // 40 UTF-8 bytes
        var bytes = CtyMsgPack.Encode(CtyValue.String(s), CtyType.String);
        Assert.Equal("d928", Hex(bytes)[..4]);
        Assert.Equal(42, bytes.Length);
        Assert.Equal(s, CtyMsgPack.Decode(bytes, CtyType.String).AsString());
    }
}
