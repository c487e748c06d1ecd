using System.Text;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>A corpus of broken msgpack: each must be a CtyDecodeException whose message and path point at the problem.</summary>
public class CtyMsgPackMalformedTests
{
    private static readonly CtyObjectType IdName = CtyType.Object([
        KeyValuePair.Create("id", CtyType.String), KeyValuePair.Create("name", CtyType.String)]);

    private static readonly CtyObjectType Resource = CtyType.Object([
        KeyValuePair.Create("name", CtyType.String),
        KeyValuePair.Create("tags", (CtyType)CtyType.Map(CtyType.String)),
        KeyValuePair.Create("steps", (CtyType)CtyType.List(IdName)),
        KeyValuePair.Create("pair", (CtyType)CtyType.Tuple(CtyType.String, CtyType.Number)),
        KeyValuePair.Create("count", CtyType.Number),
        KeyValuePair.Create("any", CtyType.Dynamic)]);

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    private static CtyDecodeException Fails(string hex, CtyType type) => Fails(Hex(hex), type);

    private static CtyDecodeException Fails(byte[] bytes, CtyType type) =>
        Assert.Throws<CtyDecodeException>(() => CtyMsgPack.Decode(bytes, type));

    public static TheoryData<string, string, string> Corpus => new()
    {
        // name, hex, expected message fragment (type: see TypeFor)
        { "empty input", "", "empty" },
        { "string where a number is required", "a1 78", "is not a valid number" },
        { "bool where a number is required", "c3", "expected a number, but the msgpack input has a bool" },
        { "integer where a string is required", "01", "expected a string, but the msgpack input has an integer" },
        { "string where a bool is required", "a4 74 72 75 65", "expected a bool" },
        { "map where a list is required", "80", "expected an array for a list of string" },
        { "array where an object is required", "90", "expected a msgpack map for an object" },
        { "ext 5 with a payload", "c7 03 05 01 02 03", "unsupported msgpack extension type 5" },
        { "fixext 2 of type 0", "d5 00 00 00", "unsupported msgpack extension type 0" },
        { "ext 12 refinements that are not a map", "d5 0c 01 02", "malformed refinements" },
        { "ext 12 refinements with a string key", "d7 0c 81 a1 61 c2 c0 c0 c0 c0", "refinement keys" },
        { "ext 12 refinements above 1 KiB", "c8 04 01 0c 81 01" + string.Concat(Enumerable.Repeat(" c0", 1024)), "more than the 1024 go-cty allows" },
        { "ext claiming more bytes than exist", "c9 7f ff ff ff 0c", "an extension header claims 2147483647 bytes" },
        { "ext 12 refinements holding a string of 4 GiB", "d7 0c 81 01 db ff ff ff ff c0", "claims 4294967295 bytes, but only 1 bytes are left (in the refinements" },
        { "invalid UTF-8 in a string", "a2 c3 28", "not valid UTF-8" },
        { "overlong UTF-8 encoding", "a2 c0 af", "not valid UTF-8" },
        { "lone surrogate encoded in UTF-8", "a3 ed a0 80", "not valid UTF-8" },
        { "array32 header claiming 4 billion elements", "dd ff ff ff ff", "an array header claims 4294967295 elements, but only 0 bytes are left" },
        { "array16 header claiming more than is there", "dc ff ff c0", "claims 65535 elements" },
        { "str32 header claiming 4 billion bytes", "db ff ff ff ff", "a string header claims 4294967295 bytes" },
        { "str8 header cut short", "d9", "ends in the middle of a string header" },
        { "dynamic type as bin32 claiming 2 GiB", "92 c6 80 00 00 00 22", "a binary header claims 2147483648 bytes" },
        { "trailing garbage after the value", "a1 78 c0", "1 unexpected bytes after the value" },
        { "number string that is not a number", "a3 61 62 63", "\"abc\" is not a valid number" },
        { "number string with an absurd exponent", "a7 31 65 39 39 39 39 39", "is not a valid number" },
        { "number string that is NaN", "a3 4e 61 4e", "is not a valid number" },
        { "float64 NaN", "cb 7f f8 00 00 00 00 00 00", "NaN" },
        { "the never-used byte 0xc1", "c1", "invalid byte 0xc1" },
        { "dynamic with three elements", "93 c4 08 22 73 74 72 69 6e 67 22 a1 78 c0", "2 elements, not 3" },
        { "dynamic whose type is not JSON", "92 c4 03 7b 7b 7b a1 78", "type of a dynamic value is not valid" },
        { "dynamic whose type is unknown to cty", "92 c4 05 22 69 6e 74 22 01", "unsupported type name \"int\"" },
        { "dynamic whose type is an integer", "92 01 a1 78", "the type of a dynamic value as JSON" },
        { "dynamic that is a bare string", "a1 78", "[type, value] array" },
        { "dynamic whose value does not fit its type", "92 c4 08 22 73 74 72 69 6e 67 22 01", "expected a string" },
    };

    private static CtyType TypeFor(string name) => name switch
    {
        _ when name.Contains("where a number") || name.Contains("number string") || name.Contains("NaN") => CtyType.Number,
        _ when name.Contains("where a bool") => CtyType.Bool,
        _ when name.Contains("where a list") => CtyType.List(CtyType.String),
        _ when name.Contains("where an object") => IdName,
        _ when name.Contains("array") && name.Contains("header") => CtyType.List(CtyType.Dynamic),
        _ when name.StartsWith("dynamic") => CtyType.Dynamic,
        _ => CtyType.String,
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Malformed_input_is_a_decode_error_with_a_useful_message(string name, string hex, string fragment)
    {
        var ex = Fails(hex, TypeFor(name));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Missing_attribute_names_the_attribute_and_its_path()
    {
        var ex = Fails("81 a2 69 64 d4 00 00", IdName); // {"id": unknown}
        Assert.Contains("missing attribute \"name\"", ex.Message);
        Assert.Equal(CtyPath.Attribute("name"), ex.Path);
    }

    [Fact]
    public void Extra_attribute_names_the_attribute_and_its_path()
    {
        // {"id": nil, "name": "x", "zzz": nil}
        var ex = Fails("83 a2 69 64 c0 a4 6e 61 6d 65 a1 78 a3 7a 7a 7a c0", IdName);
        Assert.Contains("unexpected attribute \"zzz\"", ex.Message);
        Assert.Equal(CtyPath.Attribute("zzz"), ex.Path);
    }

    [Fact]
    public void Duplicate_attribute_is_an_error()
    {
        var ex = Fails("82 a2 69 64 c0 a2 69 64 c0", IdName);
        Assert.Contains("\"id\" appears more than once", ex.Message);
    }

    [Fact]
    public void Errors_deep_inside_carry_the_path_reached()
    {
        var ok = ResourceBytes();
        Assert.Equal(ok, CtyMsgPack.Encode(CtyMsgPack.Decode(ok, Resource), Resource)); // the base input is valid

        // steps[1].name is an integer instead of a string
        var ex = Fails(ResourceBytes(("steps", StepsWithSecondName(Hex("07")))), Resource);
        Assert.Equal(CtyPath.Attribute("steps").Index(1).Attr("name"), ex.Path);
        Assert.Equal("steps[1].name", ex.Path.ToString());
        Assert.Contains("expected a string", ex.Message);
    }

    [Fact]
    public void Map_with_a_non_string_key()
    {
        // tags = {1: "x"}
        var bytes = ResourceBytes(("tags", Hex("81 01 a1 78")));
        var ex = Fails(bytes, Resource);
        Assert.Contains("expected a string map key, but the msgpack input has an integer", ex.Message);
        Assert.Equal(CtyPath.Attribute("tags"), ex.Path);
    }

    [Fact]
    public void Map_value_error_names_the_key()
    {
        var bytes = ResourceBytes(("tags", Hex("81 a3 65 6e 76 c3"))); // tags = {"env": true}
        var ex = Fails(bytes, Resource);
        Assert.Equal(CtyPath.Attribute("tags").Key("env"), ex.Path);
    }

    [Fact]
    public void Wrong_tuple_length()
    {
        var ex = Fails(ResourceBytes(("pair", Hex("91 a1 78"))), Resource);
        Assert.Contains("a tuple of 2 elements is required, but the array has 1", ex.Message);
        Assert.Equal(CtyPath.Attribute("pair"), ex.Path);
        Fails(ResourceBytes(("pair", Hex("93 a1 78 01 02"))), Resource);
    }

    [Fact]
    public void Errors_inside_a_set_stop_the_path_at_the_set()
    {
        var type = CtyType.Object([KeyValuePair.Create("members", (CtyType)CtyType.Set(IdName))]);
        // {"members": [{"id": "a"}]}: the element lacks "name"
        var ex = Fails("81 a7 6d 65 6d 62 65 72 73 91 81 a2 69 64 a1 61", type);
        Assert.Equal(CtyPath.Attribute("members"), ex.Path);
        Assert.Contains("missing attribute \"name\"", ex.Message);
    }

    [Fact]
    public void Every_truncation_of_a_resource_encoding_fails_with_a_decode_error()
    {
        var bytes = ResourceBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Fails(bytes[..length], Resource);
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
    }

    [Fact]
    public void Deep_nesting_through_dynamic_wrappers_is_refused()
    {
        // [bin("\"dynamic\""), [bin("\"dynamic\""), ... "x"]] nested 300 deep
        var wrapper = Hex("92 c4 09").Concat(Encoding.UTF8.GetBytes("\"dynamic\"")).ToArray();
        var bytes = Enumerable.Repeat(wrapper, 300).SelectMany(b => b).Concat(Hex("92 c4 08").Concat(Encoding.UTF8.GetBytes("\"string\""))).Concat(Hex("a1 78")).ToArray();
        var ex = Fails(bytes, CtyType.Dynamic);
        Assert.Contains("nested more than", ex.Message);

        // Five levels are fine.
        var shallow = Enumerable.Repeat(wrapper, 5).SelectMany(b => b).Concat(Hex("92 c4 08").Concat(Encoding.UTF8.GetBytes("\"string\""))).Concat(Hex("a1 78")).ToArray();
        Assert.Equal(CtyValue.String("x"), CtyMsgPack.Decode(shallow, CtyType.Dynamic));
    }

    [Fact]
    public void Deep_nesting_of_a_deep_type_is_refused()
    {
        CtyType type = CtyType.String;
        for (var i = 0; i < 150; i++) type = CtyType.List(type);
        var bytes = Enumerable.Repeat((byte)0x91, 150).Concat(Hex("a1 78")).ToArray();
        Assert.Contains("nested more than", Fails(bytes, type).Message);
    }

    [Fact]
    public void Deeply_nested_type_json_inside_dynamic_is_refused()
    {
        var typeJson = string.Concat(Enumerable.Repeat("[\"list\",", 500)) + "\"string\"" + new string(']', 500);
        var json = Encoding.UTF8.GetBytes(typeJson);
        var bytes = Hex("92 c5").Concat(new[] { (byte)(json.Length >> 8), (byte)json.Length }).Concat(json).Concat(Hex("c0")).ToArray();
        Assert.Contains("type of a dynamic value is not valid", Fails(bytes, CtyType.Dynamic).Message);
    }

    [Fact]
    public void Deeply_nested_refinements_are_refused_without_recursing_forever()
    {
        // ext 12 whose map value is 1,000 nested one-element arrays
        var payload = Hex("81 01").Concat(Enumerable.Repeat((byte)0x91, 1_000)).Concat(Hex("c0")).ToArray();
        var bytes = Hex("c9").Concat(BitConverter.GetBytes(payload.Length).Reverse()).Concat(Hex("0c")).Concat(payload).ToArray();
        Assert.Contains("nested too deeply", Fails(bytes, CtyType.String).Message);
    }

    [Fact]
    public void A_huge_declared_map_is_refused_before_allocating()
    {
        var ex = Fails("df 7f ff ff ff a1 61 c0", CtyType.Map(CtyType.String));
        Assert.Contains("a map header claims 2147483647 entries", ex.Message);
    }

    // Resource inputs are assembled from encoded pieces so that one piece can be replaced by bytes no encoder would write.
    private static byte[] ResourceBytes(params (string Attribute, byte[] Encoded)[] overrides)
    {
        var parts = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["name"] = Str("job"),
            ["tags"] = MapOf(new() { ["env"] = Str("prod") }),
            ["steps"] = StepsWithSecondName(Str("b")),
            ["pair"] = Hex("92 a1 70 02"),
            ["count"] = CtyMsgPack.Encode(CtyValue.Number(CtyNumber.Parse("12345678901234567890123")), CtyType.Number),
            ["any"] = CtyMsgPack.Encode(CtyValue.List(CtyType.Bool, [CtyValue.True]), CtyType.Dynamic),
        };
        foreach (var (attribute, encoded) in overrides) parts[attribute] = encoded;
        return MapOf(parts);
    }

    private static byte[] StepsWithSecondName(byte[] name) =>
        [0x92, .. MapOf(new() { ["id"] = Str("1"), ["name"] = Str("a") }), .. MapOf(new() { ["id"] = Hex("d4 00 00"), ["name"] = name })];

    private static byte[] Str(string s) => CtyMsgPack.Encode(CtyValue.String(s), CtyType.String);

    private static byte[] MapOf(SortedDictionary<string, byte[]> entries)
    {
        var bytes = new List<byte> { (byte)(0x80 | entries.Count) };
        foreach (var (key, value) in entries)
        {
            bytes.AddRange(Str(key));
            bytes.AddRange(value);
        }
        return [.. bytes];
    }
}
