using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>Encoding a value that does not fit its schema type is a bug in the caller: an ArgumentException naming the path.</summary>
public class CtyEncodeErrorTests
{
    private static readonly CtyObjectType IdName = CtyType.Object([
        KeyValuePair.Create("id", CtyType.String), KeyValuePair.Create("name", CtyType.String)]);

    public static TheoryData<string, CtyValue, CtyType, string> Mismatches => new()
    {
        { "string as number", CtyValue.String("1"), CtyType.Number, "as number" },
        { "null bool as string", CtyValue.Null(CtyType.Bool), CtyType.String, "null bool" },
        { "unknown list as set", CtyValue.Unknown(CtyType.List(CtyType.String)), CtyType.Set(CtyType.String), "unknown list of string" },
        { "list as set", CtyValue.List(CtyType.String, []), CtyType.Set(CtyType.String), "as set of string" },
        { "list element of the wrong type", CtyValue.List(CtyType.Dynamic, [CtyValue.String("a"), CtyValue.True]), CtyType.List(CtyType.String), "at [1]" },
        {
            "object missing an attribute",
            CtyValue.Object([KeyValuePair.Create("id", CtyValue.String("1"))]), IdName, "attribute \"name\" of the type is missing"
        },
        {
            "object with an extra attribute",
            CtyValue.Object([KeyValuePair.Create("id", CtyValue.String("1")), KeyValuePair.Create("name", CtyValue.String("n")), KeyValuePair.Create("zzz", CtyValue.True)]),
            IdName, "\"zzz\" is not in the type"
        },
        {
            "tuple of the wrong length",
            CtyValue.Tuple([CtyValue.String("a")]), CtyType.Tuple(CtyType.String, CtyType.String), "as tuple"
        },
        {
            "nested attribute of the wrong type",
            CtyValue.Object([KeyValuePair.Create("id", CtyValue.String("1")), KeyValuePair.Create("name", CtyValue.Number(1))]), IdName, "at name"
        },
        { "lone surrogate", CtyValue.String("a\uD800b"), CtyType.String, "lone UTF-16 surrogate" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Msgpack_encoding_refuses_values_that_do_not_fit(string name, CtyValue value, CtyType type, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => CtyMsgPack.Encode(value, type));
        Assert.Contains(fragment, ex.Message);
        Assert.NotEmpty(name);
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Json_encoding_refuses_values_that_do_not_fit(string name, CtyValue value, CtyType type, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => CtyJson.Encode(value, type));
        Assert.Contains(fragment, ex.Message);
        Assert.NotEmpty(name);
    }

    [Fact]
    public void A_dynamic_schema_slot_takes_any_value()
    {
        var type = CtyType.List(CtyType.Dynamic);
        var value = CtyValue.List(CtyType.Dynamic, [CtyValue.String("a"), CtyValue.Number(1), CtyValue.Null(CtyType.Dynamic)]);
        Assert.Equal(value, CtyMsgPack.Decode(CtyMsgPack.Encode(value, type), type));
        Assert.Equal(value, CtyJson.Decode(CtyJson.Encode(value, type), type));
    }
}
