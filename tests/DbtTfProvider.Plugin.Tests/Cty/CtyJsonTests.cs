using System.Text;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>Raw state as UpgradeResourceState receives it, and JSON encoding as go-cty writes it.</summary>
public class CtyJsonTests
{
    private static readonly CtyObjectType Token = CtyType.Object([
        KeyValuePair.Create("id", CtyType.String),
        KeyValuePair.Create("name", CtyType.String),
        KeyValuePair.Create("account_id", CtyType.Number),
        KeyValuePair.Create("enabled", CtyType.Bool),
        KeyValuePair.Create("permissions", (CtyType)CtyType.Set(CtyType.Object([
            KeyValuePair.Create("set", CtyType.String), KeyValuePair.Create("project_id", CtyType.Number)]))),
        KeyValuePair.Create("extra", CtyType.Dynamic)]);

    private static CtyValue Decode(string json, CtyType type, bool ignoreUnknown = true) =>
        CtyJson.Decode(Encoding.UTF8.GetBytes(json), type, ignoreUnknown);

    private static string Encode(CtyValue v, CtyType type) => Encoding.UTF8.GetString(CtyJson.Encode(v, type));

    [Fact]
    public void Pretty_printed_raw_state_with_missing_and_dropped_attributes()
    {
        const string state = """
            {
              "id": "42",
              "name": "ci token",
              "permissions": [ { "set": "member", "project_id": null } ],
              "removed_in_v2": { "nested": [1, 2, 3] },
              "extra": null
            }
            """;
        var value = Decode(state, Token);
        Assert.Equal("42", value.GetAttribute("id").AsString());
        Assert.True(value.GetAttribute("account_id").IsNull);   // missing -> null
        Assert.True(value.GetAttribute("enabled").IsNull);
        Assert.Equal(CtyValue.Null(CtyType.Dynamic), value.GetAttribute("extra"));
        var permission = Assert.Single(value.GetAttribute("permissions").Elements);
        Assert.Equal("member", permission.GetAttribute("set").AsString());
    }

    [Fact]
    public void Unknown_attributes_are_an_error_when_asked()
    {
        var ex = Assert.Throws<CtyDecodeException>(() => Decode("""{"id":"1","removed_in_v2":true}""", Token, ignoreUnknown: false));
        Assert.Contains("\"removed_in_v2\"", ex.Message);
        Assert.Equal(CtyPath.Attribute("removed_in_v2"), ex.Path);
    }

    [Fact]
    public void Numbers_keep_every_digit()
    {
        var value = Decode("""{"account_id": 123456789012345678901234567890.000000000000000000001}""", Token);
        Assert.Equal("123456789012345678901234567890.000000000000000000001", value.GetAttribute("account_id").AsNumber().ToString());
        Assert.Equal(CtyNumber.Parse("1e400"), Decode("1E+400", CtyType.Number).AsNumber());
        Assert.Equal(CtyNumber.Zero, Decode("-0.0", CtyType.Number).AsNumber());
    }

    [Fact]
    public void Primitives_accept_the_spellings_go_cty_accepts()
    {
        Assert.Equal(CtyValue.String("12"), Decode("12", CtyType.String));
        Assert.Equal(CtyValue.String("1.50"), Decode("1.50", CtyType.String));
        Assert.Equal(CtyValue.String("true"), Decode("true", CtyType.String));
        Assert.Equal(CtyValue.Number(CtyNumber.Parse("1.5")), Decode("\"1.5\"", CtyType.Number));
        Assert.Equal(CtyValue.False, Decode("\"false\"", CtyType.Bool));
        Assert.Contains("is not a bool", Assert.Throws<CtyDecodeException>(() => Decode("\"yes\"", CtyType.Bool)).Message);
        Assert.Contains("is not a valid number", Assert.Throws<CtyDecodeException>(() => Decode("\"1x\"", CtyType.Number)).Message);
    }

    [Fact]
    public void Dynamic_reads_type_and_value_in_either_order()
    {
        var expected = CtyValue.List(CtyType.String, [CtyValue.String("a")]);
        Assert.Equal(expected, Decode("""{"type":["list","string"],"value":["a"]}""", CtyType.Dynamic));
        Assert.Equal(expected, Decode("""{"value":["a"],"type":["list","string"]}""", CtyType.Dynamic));
        // A value before its type may itself hold a dynamic value written value-first.
        var nested = Decode("""{"value":[{"value":"x","type":"string"}],"type":["list","dynamic"]}""", CtyType.Dynamic);
        Assert.Equal(CtyValue.String("x"), Assert.Single(nested.Elements));
        Assert.Equal(CtyValue.Null(CtyType.Number), Decode("""{"value":null,"type":"number"}""", CtyType.Dynamic));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{", "malformed JSON")]
    [InlineData("""{"id": "1",}""", "malformed JSON")]
    [InlineData("""{"id": "1"} x""", "malformed JSON")]
    [InlineData("""{"id": "1"} {}""", "malformed JSON")]
    [InlineData("""{"id": 1, "id": 2}""", "appears more than once")]
    [InlineData("""{"id": ["1"]}""", "expected a string, but the JSON input has an array")]
    [InlineData("""{"account_id": "many"}""", "\"many\" is not a valid number")]
    [InlineData("""{"permissions": {"set": "x"}}""", "expected an array for a set of object")]
    [InlineData("""{"permissions": [{"set": "x", "bogus": 1}]}""", "unexpected attribute \"bogus\"")]
    [InlineData("""{"extra": "x"}""", "for a dynamic value")]
    [InlineData("""{"extra": {"value": 1}}""", "lacks its \"type\"")]
    [InlineData("""{"extra": {"type": "number"}}""", "lacks its \"value\"")]
    [InlineData("""{"extra": {"type": "int", "value": 1}}""", "unsupported type name \"int\"")]
    [InlineData("""{"extra": {"type": "number", "value": 1, "x": 2}}""", "unexpected key \"x\"")]
    [InlineData("[]", "expected an object")]
    public void Malformed_json_is_a_decode_error(string json, string fragment)
    {
        var ex = Assert.Throws<CtyDecodeException>(() => Decode(json, Token, ignoreUnknown: !json.Contains("bogus")));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Decode_errors_carry_the_path()
    {
        var ex = Assert.Throws<CtyDecodeException>(() => Decode("""{"extra": {"type": ["map","number"], "value": {"k": "v"}}}""", Token));
        Assert.Equal(CtyPath.Attribute("extra").Key("k"), ex.Path);
        var tuple = CtyType.Tuple(CtyType.String, CtyType.Bool);
        Assert.Contains("2 elements", Assert.Throws<CtyDecodeException>(() => Decode("""["a", true, 1]""", tuple)).Message);
        Assert.Contains("2 elements", Assert.Throws<CtyDecodeException>(() => Decode("""["a"]""", tuple)).Message);
    }

    [Fact]
    public void Deep_json_is_refused()
    {
        CtyType type = CtyType.String;
        for (var i = 0; i < 150; i++) type = CtyType.List(type);
        var json = new string('[', 150) + "\"x\"" + new string(']', 150);
        Assert.Contains("nested more than", Assert.Throws<CtyDecodeException>(() => Decode(json, type)).Message);
        var dynamic = string.Concat(Enumerable.Repeat("""{"type":"dynamic","value":""", 300)) + "1" + new string('}', 300);
        Assert.Throws<CtyDecodeException>(() => Decode(dynamic, CtyType.Dynamic));
    }

    [Fact]
    public void Encodes_like_go_cty()
    {
        var value = CtyValue.Object(Token, [
            KeyValuePair.Create("id", CtyValue.String("1<&>é")),
            KeyValuePair.Create("name", CtyValue.Null(CtyType.String)),
            KeyValuePair.Create("account_id", CtyValue.Number(CtyNumber.Parse("1e-7"))),
            KeyValuePair.Create("enabled", CtyValue.True),
            KeyValuePair.Create("permissions", CtyValue.Set(((CtySetType)Token.Attributes["permissions"]).Element, [])),
            KeyValuePair.Create("extra", CtyValue.Map(CtyType.Number, [KeyValuePair.Create("k", CtyValue.Number(CtyNumber.Parse("12345678901234567890.5")))]))]);
        Assert.Equal(
            """{"account_id":0.0000001,"enabled":true,"extra":{"value":{"k":12345678901234567890.5},"type":["map","number"]},"id":"1<&>é","name":null,"permissions":[]}""",
            Encode(value, Token));
    }

    [Fact]
    public void Json_cannot_carry_unknowns_or_infinities()
    {
        var ex = Assert.Throws<ArgumentException>(() => Encode(CtyValue.List(CtyType.String, [CtyValue.Unknown(CtyType.String)]), CtyType.List(CtyType.String)));
        Assert.Contains("[0]", ex.Message);
        Assert.Throws<ArgumentException>(() => Encode(CtyValue.Unknown(CtyType.Dynamic), CtyType.Dynamic));
        Assert.Throws<ArgumentException>(() => Encode(CtyValue.Number(CtyNumber.PositiveInfinity), CtyType.Number));
    }
}
