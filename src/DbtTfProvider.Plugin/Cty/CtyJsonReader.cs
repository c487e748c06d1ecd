using System.Text;
using System.Text.Json;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// Decodes go-cty's JSON encoding (raw state in <c>UpgradeResourceState</c>, <c>DynamicValue.json</c>) driven by the
/// expected type. Missing object attributes become null, as in go-cty; like go-cty, a primitive also accepts the other
/// primitive spellings Terraform may have stored under an older schema (a number or bool as a string, and back).
/// </summary>
internal ref struct CtyJsonReader
{
    private readonly bool _ignoreUnknownAttributes;
    private readonly CtyPathTracker _path;
    private int _depth;

    private CtyJsonReader(bool ignoreUnknownAttributes)
    {
        _ignoreUnknownAttributes = ignoreUnknownAttributes;
        _path = new CtyPathTracker();
        _depth = 0;
    }

    public static CtyValue Decode(ReadOnlySpan<byte> json, CtyType type, bool ignoreUnknownAttributes)
    {
        ArgumentNullException.ThrowIfNull(type);
        var decoder = new CtyJsonReader(ignoreUnknownAttributes);
        if (json.IsEmpty) throw decoder.Error("the JSON input is empty");
        var reader = new Utf8JsonReader(json, CtyTypeJson.ReaderOptions);
        try
        {
            if (!reader.Read()) throw decoder.Error("the JSON input is empty");
            var value = decoder.ReadValue(ref reader, type);
            if (reader.Read()) throw decoder.Error("unexpected content after the value");
            return value;
        }
        catch (JsonException e)
        {
            throw decoder.Error("malformed JSON: " + e.Message);
        }
    }

    private CtyValue ReadValue(ref Utf8JsonReader reader, CtyType type)
    {
        if (++_depth > CtyCodec.MaxDepth) throw Error($"the value is nested more than {CtyCodec.MaxDepth} levels deep");
        CtyValue result;
        if (reader.TokenType == JsonTokenType.Null)
        {
            result = CtyValue.Null(type);
        }
        else
        {
            result = type switch
            {
                CtyPrimitiveType p => p.Kind switch
                {
                    CtyPrimitiveKind.String => ReadString(ref reader),
                    CtyPrimitiveKind.Number => ReadNumber(ref reader),
                    _ => ReadBool(ref reader),
                },
                CtyDynamicType => ReadDynamic(ref reader),
                CtyListType lt => CtyValue.DecodedSequence(lt, ReadElements(ref reader, lt, lt.Element)),
                CtySetType st => CtyValue.DecodedSet(st, ReadElements(ref reader, st, st.Element)),
                CtyTupleType tt => ReadTuple(ref reader, tt),
                CtyMapType mt => ReadMap(ref reader, mt),
                CtyObjectType ot => ReadObject(ref reader, ot),
                _ => throw new ArgumentException($"unsupported cty type {type.GetType().Name}", nameof(type)),
            };
        }
        _depth--;
        return result;
    }

    private readonly CtyValue ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => CtyValue.String(GetString(ref reader)),
        JsonTokenType.Number => CtyValue.String(Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.True => CtyValue.String("true"),
        JsonTokenType.False => CtyValue.String("false"),
        _ => throw WrongType(ref reader, "a string"),
    };

    private readonly CtyValue ReadNumber(ref Utf8JsonReader reader)
    {
        string text;
        if (reader.TokenType == JsonTokenType.Number) text = Encoding.UTF8.GetString(reader.ValueSpan); // the exact digits, not a double
        else if (reader.TokenType == JsonTokenType.String) text = GetString(ref reader);
        else throw WrongType(ref reader, "a number");
        return CtyNumber.TryParse(text, out var n) ? CtyValue.Number(n) : throw Error($"\"{CtyCodec.Abbreviate(text)}\" is not a valid number");
    }

    private readonly CtyValue ReadBool(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return CtyValue.True;
            case JsonTokenType.False: return CtyValue.False;
            case JsonTokenType.String:
                if (reader.ValueTextEquals("true"u8)) return CtyValue.True;
                if (reader.ValueTextEquals("false"u8)) return CtyValue.False;
                throw Error($"\"{CtyCodec.Abbreviate(GetString(ref reader))}\" is not a bool");
            default:
                throw WrongType(ref reader, "a bool");
        }
    }

    /// <summary>
    /// <c>{"value": ..., "type": ...}</c> in either order (go-cty writes value first). When the value comes first the
    /// reader is copied at it and skipped, and the copy read once the type is known.
    /// </summary>
    private CtyValue ReadDynamic(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw WrongType(ref reader, "an object {\"type\", \"value\"} for a dynamic value");
        CtyType? type = null;
        CtyValue? value = null;
        var deferredValue = default(Utf8JsonReader);
        var sawValue = false;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            if (reader.ValueTextEquals("type"u8))
            {
                if (type is not null) throw Error("a dynamic value has \"type\" twice");
                Next(ref reader);
                try
                {
                    type = CtyTypeJson.Read(ref reader, 0);
                }
                catch (CtyDecodeException e)
                {
                    throw Error("the type of a dynamic value is not valid: " + e.Message);
                }
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                if (sawValue) throw Error("a dynamic value has \"value\" twice");
                sawValue = true;
                Next(ref reader);
                if (type is not null) value = ReadValue(ref reader, type);
                else
                {
                    deferredValue = reader;
                    reader.Skip();
                }
            }
            else
            {
                throw Error($"unexpected key \"{CtyCodec.Abbreviate(GetString(ref reader))}\" in a dynamic value (only \"type\" and \"value\")");
            }
        }
        if (type is null) throw Error("a dynamic value lacks its \"type\"");
        if (!sawValue) throw Error("a dynamic value lacks its \"value\"");
        return value ?? ReadValue(ref deferredValue, type);
    }

    private CtyValue[] ReadElements(ref Utf8JsonReader reader, CtyType collectionType, CtyType elementType)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw WrongType(ref reader, $"an array for a {collectionType.FriendlyName}");
        var isSet = collectionType is CtySetType;
        var elements = new List<CtyValue>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) break;
            if (isSet) _path.PushSetElement();
            else _path.PushIndex(elements.Count);
            elements.Add(ReadValue(ref reader, elementType));
            _path.Pop();
        }
        return elements.ToArray();
    }

    private CtyValue ReadTuple(ref Utf8JsonReader reader, CtyTupleType type)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw WrongType(ref reader, $"an array for a tuple of {type.Elements.Count} elements");
        var elements = new CtyValue[type.Elements.Count];
        var count = 0;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) break;
            if (count == elements.Length) throw Error($"a tuple of {elements.Length} elements is required, but the array has more");
            _path.PushIndex(count);
            elements[count] = ReadValue(ref reader, type.Elements[count]);
            _path.Pop();
            count++;
        }
        if (count != elements.Length) throw Error($"a tuple of {elements.Length} elements is required, but the array has {count}");
        return CtyValue.DecodedSequence(type, elements);
    }

    private CtyValue ReadMap(ref Utf8JsonReader reader, CtyMapType type)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw WrongType(ref reader, $"an object for a {type.FriendlyName}");
        var entries = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var key = GetString(ref reader);
            _path.PushKey(key);
            if (entries.ContainsKey(key)) throw Error($"map key \"{CtyCodec.Abbreviate(key)}\" appears more than once");
            Next(ref reader);
            entries.Add(key, ReadValue(ref reader, type.Element));
            _path.Pop();
        }
        return CtyValue.DecodedEntries(type, entries);
    }

    private CtyValue ReadObject(ref Utf8JsonReader reader, CtyObjectType type)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw WrongType(ref reader, "an object");
        var attributes = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var name = GetString(ref reader);
            _path.PushAttribute(name);
            Next(ref reader);
            if (!type.Attributes.TryGetValue(name, out var attributeType))
            {
                // State written by an older schema may hold attributes the schema has since dropped.
                if (!_ignoreUnknownAttributes) throw Error($"unexpected attribute \"{CtyCodec.Abbreviate(name)}\": the object type has no such attribute");
                reader.Skip();
            }
            else
            {
                if (attributes.ContainsKey(name)) throw Error($"attribute \"{name}\" appears more than once");
                attributes.Add(name, ReadValue(ref reader, attributeType));
            }
            _path.Pop();
        }
        if (attributes.Count != type.Attributes.Count)
        {
            foreach (var (name, attributeType) in type.Attributes)
                attributes.TryAdd(name, CtyValue.Null(attributeType));
        }
        return CtyValue.DecodedEntries(type, attributes);
    }

    private readonly void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw Error("the JSON input ends in the middle of a value");
    }

    private readonly string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error("a string is not valid UTF-8");
        }
    }

    private readonly CtyDecodeException WrongType(ref Utf8JsonReader reader, string expected) =>
        Error($"expected {expected}, but the JSON input has {CtyTypeJson.Describe(reader.TokenType)}");

    private readonly CtyDecodeException Error(string message) => new(_path.ToPath(), message);
}
