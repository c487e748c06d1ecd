using DbtTfProvider.Plugin.Cty;
using FsCheck.Xunit;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>Round trips and robustness over generated types and values (sets compare as sets via CtyValue.Equals).</summary>
public class CtyCodecPropertyTests
{
    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 400)]
    public void Msgpack_round_trips_any_value_of_any_type(TypedValue tv)
    {
        var bytes = CtyMsgPack.Encode(tv.Value, tv.Type);
        var decoded = CtyMsgPack.Decode(bytes, tv.Type);
        Assert.Equal(tv.Value, decoded);
        // Encoding is canonical: what we decode re-encodes to the same bytes.
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(CtyMsgPack.Encode(decoded, tv.Type)));
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 400)]
    public void Json_round_trips_any_value_without_unknowns(JsonTypedValue tv)
    {
        var json = CtyJson.Encode(tv.Value, tv.Type);
        Assert.Equal(tv.Value, CtyJson.Decode(json, tv.Type, ignoreUnknownAttributes: false));
        Assert.Equal(tv.Value, CtyJson.Decode(json, tv.Type));
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 200)]
    public void Json_and_msgpack_agree(JsonTypedValue tv)
    {
        var viaJson = CtyJson.Decode(CtyJson.Encode(tv.Value, tv.Type), tv.Type);
        var viaMsgpack = CtyMsgPack.Decode(CtyMsgPack.Encode(tv.Value, tv.Type), tv.Type);
        Assert.Equal(viaJson, viaMsgpack);
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 400)]
    public void Type_json_round_trips_and_is_canonical(CtyType type)
    {
        var json = CtyTypeJson.Serialize(type);
        var parsed = CtyTypeJson.Parse(json);
        Assert.Equal(type, parsed);
        Assert.Equal(Convert.ToHexString(json), Convert.ToHexString(CtyTypeJson.Serialize(parsed)));
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 200)]
    public void Every_truncation_of_a_msgpack_encoding_is_a_decode_error(TypedValue tv)
    {
        // msgpack is prefix-free, so no proper prefix of an encoding can be a complete value.
        var bytes = CtyMsgPack.Encode(tv.Value, tv.Type);
        for (var length = 0; length < bytes.Length; length++)
            Assert.Throws<CtyDecodeException>(() => CtyMsgPack.Decode(bytes.AsSpan(0, length), tv.Type));
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 200)]
    public void Trailing_bytes_after_a_msgpack_value_are_a_decode_error(TypedValue tv, byte extra)
    {
        var bytes = CtyMsgPack.Encode(tv.Value, tv.Type);
        var ex = Assert.Throws<CtyDecodeException>(() => CtyMsgPack.Decode([.. bytes, extra], tv.Type));
        Assert.Contains("after the value", ex.Message);
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 1000)]
    public void Damaged_msgpack_decodes_or_fails_with_a_decode_error_only(DamagedMsgPack damaged) =>
        AssertOnlyDecodeErrors(() => CtyMsgPack.Decode(damaged.Bytes, damaged.Type));

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 1000)]
    public void Random_bytes_never_throw_anything_but_a_decode_error(byte[] bytes, CtyType type)
    {
        AssertOnlyDecodeErrors(() => CtyMsgPack.Decode(bytes, type));
        AssertOnlyDecodeErrors(() => CtyJson.Decode(bytes, type));
        AssertOnlyDecodeErrors(() => CtyTypeJson.Parse(bytes));
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 500)]
    public void Damaged_json_decodes_or_fails_with_a_decode_error_only(JsonTypedValue tv, int position, byte replacement)
    {
        var json = CtyJson.Encode(tv.Value, tv.Type);
        var at = (int)((uint)position % (uint)json.Length);
        var damaged = (byte[])json.Clone();
        damaged[at] = replacement;
        AssertOnlyDecodeErrors(() => CtyJson.Decode(damaged, tv.Type, ignoreUnknownAttributes: false));
        AssertOnlyDecodeErrors(() => CtyJson.Decode(json.AsSpan(0, at), tv.Type));
    }

    private static void AssertOnlyDecodeErrors(Action decode)
    {
        try
        {
            decode();
        }
        catch (CtyDecodeException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
