using System.Text;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Plugin.Tests.Cty;

public class CtyTypeJsonTests
{
    private static string Serialize(CtyType t) => Encoding.UTF8.GetString(CtyTypeJson.Serialize(t));
    private static CtyType Parse(string json) => CtyTypeJson.Parse(Encoding.UTF8.GetBytes(json));

    public static TheoryData<string, CtyType> Golden => new()
    {
        { "\"string\"", CtyType.String },
        { "\"number\"", CtyType.Number },
        { "\"bool\"", CtyType.Bool },
        { "\"dynamic\"", CtyType.Dynamic },
        { "[\"list\",\"string\"]", CtyType.List(CtyType.String) },
        { "[\"set\",[\"map\",\"number\"]]", CtyType.Set(CtyType.Map(CtyType.Number)) },
        { "[\"tuple\",[]]", CtyType.Tuple() },
        { "[\"tuple\",[\"string\",\"dynamic\"]]", CtyType.Tuple(CtyType.String, CtyType.Dynamic) },
        { "[\"object\",{}]", CtyType.Object([]) },
        {
            "[\"object\",{\"a\":\"string\",\"b\":[\"list\",\"number\"],\"é\":\"bool\"}]",
            CtyType.Object([KeyValuePair.Create("é", CtyType.Bool), KeyValuePair.Create("b", (CtyType)CtyType.List(CtyType.Number)), KeyValuePair.Create("a", CtyType.String)])
        },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Serializes_compactly_with_sorted_attributes_and_parses_back(string json, CtyType type)
    {
        Assert.Equal(json, Serialize(type));
        Assert.Equal(type, Parse(json));
    }

    [Fact]
    public void Parse_tolerates_whitespace_and_ignores_optional_attribute_names()
    {
        var expected = CtyType.Object([KeyValuePair.Create("a", CtyType.String), KeyValuePair.Create("b", CtyType.Number)]);
        Assert.Equal(expected, Parse(" [ \"object\" , { \"b\" : \"number\", \"a\": \"string\" }, [\"b\"] ] "));
        Assert.Equal(expected, Parse("[\"object\",{\"a\":\"string\",\"b\":\"number\"},[]]"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\"strin\"", "unsupported type name \"strin\"")]
    [InlineData("42", "a type must be a string or an array")]
    [InlineData("[]", "must start with its kind")]
    [InlineData("[\"list\"]", "invalid type JSON")]
    [InlineData("[\"list\",\"string\",\"number\"]", "unexpected a string after the list of string type")]
    [InlineData("[\"array\",\"string\"]", "unsupported type kind \"array\"")]
    [InlineData("[\"tuple\",\"string\"]", "needs an array of element types")]
    [InlineData("[\"object\",[\"a\"]]", "needs a JSON object")]
    [InlineData("[\"object\",{\"a\":\"string\",\"a\":\"number\"}]", "appears twice")]
    [InlineData("[\"object\",{\"a\":\"string\"},[1]]", "optional attribute names must be strings")]
    [InlineData("\"string\" \"number\"", "invalid type JSON")]
    [InlineData("[\"list\",\"string\"", "invalid type JSON")]
    public void Invalid_type_json_is_a_decode_error(string json, string fragment)
    {
        var ex = Assert.Throws<CtyDecodeException>(() => Parse(json));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Deeply_nested_types_are_refused()
    {
        var json = string.Concat(Enumerable.Repeat("[\"list\",", 150)) + "\"string\"" + new string(']', 150);
        Assert.Contains("nested more than", Assert.Throws<CtyDecodeException>(() => Parse(json)).Message);
        var ok = string.Concat(Enumerable.Repeat("[\"list\",", 20)) + "\"string\"" + new string(']', 20);
        Assert.IsType<CtyListType>(Parse(ok));
    }
}
