using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// cty's JSON type notation, as used in schema attributes and inside dynamic values: <c>"string"</c>,
/// <c>["list","number"]</c>, <c>["tuple",["string","bool"]]</c>, <c>["object",{"a":"string"}]</c>.
/// </summary>
public static class CtyTypeJson
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // The output is never embedded in HTML; keep non-ASCII readable as go-cty does.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        // Our own depth count fails first with a clearer message; this only bounds the reader's own stack.
        MaxDepth = CtyCodec.MaxDepth * 2 + 8,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Compact JSON with object attributes in ordinal order, e.g. <c>["object",{"a":"string","b":"number"}]</c>.</summary>
    public static byte[] Serialize(CtyType t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, t);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses a type; malformed or unsupported JSON is a <see cref="CtyDecodeException"/>.</summary>
    public static CtyType Parse(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty) throw Invalid("the input is empty");
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read()) throw Invalid("the input is empty");
            var type = Read(ref reader, 0);
            if (reader.Read()) throw Invalid("unexpected content after the type");
            return type;
        }
        catch (JsonException e)
        {
            throw Invalid(e.Message);
        }
    }

    internal static void Write(Utf8JsonWriter w, CtyType t)
    {
        switch (t)
        {
            case CtyPrimitiveType p:
                w.WriteStringValue(p.Kind switch
                {
                    CtyPrimitiveKind.String => "string",
                    CtyPrimitiveKind.Number => "number",
                    _ => "bool",
                });
                break;
            case CtyDynamicType:
                w.WriteStringValue("dynamic");
                break;
            case CtyCollectionType c:
                w.WriteStartArray();
                w.WriteStringValue(c switch { CtyListType => "list", CtySetType => "set", _ => "map" });
                Write(w, c.Element);
                w.WriteEndArray();
                break;
            case CtyTupleType tt:
                w.WriteStartArray();
                w.WriteStringValue("tuple");
                w.WriteStartArray();
                foreach (var e in tt.Elements) Write(w, e);
                w.WriteEndArray();
                w.WriteEndArray();
                break;
            case CtyObjectType ot:
                w.WriteStartArray();
                w.WriteStringValue("object");
                w.WriteStartObject();
                foreach (var (name, at) in ot.Attributes)
                {
                    w.WritePropertyName(name);
                    Write(w, at);
                }
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"unsupported cty type {t.GetType().Name}", nameof(t));
        }
    }

    /// <summary>Reads the type whose first token the reader is on, leaving it on the type's last token.</summary>
    internal static CtyType Read(ref Utf8JsonReader reader, int depth)
    {
        if (depth > CtyCodec.MaxDepth) throw Invalid($"types are nested more than {CtyCodec.MaxDepth} levels deep");
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.ValueTextEquals("string"u8)) return CtyType.String;
                if (reader.ValueTextEquals("number"u8)) return CtyType.Number;
                if (reader.ValueTextEquals("bool"u8)) return CtyType.Bool;
                if (reader.ValueTextEquals("dynamic"u8)) return CtyType.Dynamic;
                throw Invalid($"unsupported type name \"{CtyCodec.Abbreviate(GetString(ref reader))}\"");
            case JsonTokenType.StartArray:
                return ReadComplex(ref reader, depth);
            default:
                throw Invalid($"a type must be a string or an array, not {Describe(reader.TokenType)}");
        }
    }

    private static CtyType ReadComplex(ref Utf8JsonReader reader, int depth)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.String) throw Invalid($"a type array must start with its kind as a string, not {Describe(reader.TokenType)}");
        CtyType result;
        if (reader.ValueTextEquals("list"u8)) { Next(ref reader); result = CtyType.List(Read(ref reader, depth + 1)); }
        else if (reader.ValueTextEquals("set"u8)) { Next(ref reader); result = CtyType.Set(Read(ref reader, depth + 1)); }
        else if (reader.ValueTextEquals("map"u8)) { Next(ref reader); result = CtyType.Map(Read(ref reader, depth + 1)); }
        else if (reader.ValueTextEquals("tuple"u8)) result = ReadTuple(ref reader, depth);
        else if (reader.ValueTextEquals("object"u8)) result = ReadObject(ref reader, depth);
        else throw Invalid($"unsupported type kind \"{CtyCodec.Abbreviate(GetString(ref reader))}\"");

        Next(ref reader);
        if (reader.TokenType != JsonTokenType.EndArray) throw Invalid($"unexpected {Describe(reader.TokenType)} after the {result.FriendlyName} type");
        return result;
    }

    private static CtyTupleType ReadTuple(ref Utf8JsonReader reader, int depth)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartArray) throw Invalid($"a tuple type needs an array of element types, not {Describe(reader.TokenType)}");
        var elements = new List<CtyType>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) break;
            elements.Add(Read(ref reader, depth + 1));
        }
        return new CtyTupleType(elements);
    }

    private static CtyObjectType ReadObject(ref Utf8JsonReader reader, int depth)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject) throw Invalid($"an object type needs a JSON object of attribute types, not {Describe(reader.TokenType)}");
        var attributes = new Dictionary<string, CtyType>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var name = GetString(ref reader);
            if (attributes.ContainsKey(name)) throw Invalid($"attribute \"{CtyCodec.Abbreviate(name)}\" appears twice in an object type");
            Next(ref reader);
            attributes.Add(name, Read(ref reader, depth + 1));
        }

        // Type constraints may list optional attributes in a third element; a concrete type has no use for it.
        var peek = reader;
        if (peek.Read() && peek.TokenType == JsonTokenType.StartArray)
        {
            Next(ref reader);
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) break;
                if (reader.TokenType != JsonTokenType.String) throw Invalid($"optional attribute names must be strings, not {Describe(reader.TokenType)}");
            }
        }
        return new CtyObjectType(attributes);
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw Invalid("the type JSON ends too early");
    }

    private static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Invalid("a string is not valid UTF-8");
        }
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a bool",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static CtyDecodeException Invalid(string message) => new(CtyPath.Root, "invalid type JSON: " + message);
}
