using System.Buffers;
using System.Text.Json;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// Encodes a value as go-cty's JSON: objects with every attribute in ordinal order, numbers as their exact decimal
/// digits, dynamic as <c>{"value": ..., "type": ...}</c>. JSON has no unknowns and no infinities, so those (and any value
/// that does not fit the type) are an <see cref="ArgumentException"/> naming the path.
/// </summary>
internal sealed class CtyJsonWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly CtyPathTracker _path = new();

    private CtyJsonWriter(Utf8JsonWriter writer) => _writer = writer;

    public static byte[] Encode(CtyValue value, CtyType type)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(type);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, CtyTypeJson.WriterOptions))
        {
            new CtyJsonWriter(writer).WriteValue(value, type);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteValue(CtyValue value, CtyType type)
    {
        if (type is CtyDynamicType && value.Type is not CtyDynamicType)
        {
            _writer.WriteStartObject();
            _writer.WritePropertyName("value"u8);
            WriteValue(value, value.Type);
            _writer.WritePropertyName("type"u8);
            CtyTypeJson.Write(_writer, value.Type);
            _writer.WriteEndObject();
            return;
        }
        if (value.IsUnknown) throw new ArgumentException($"cannot encode {CtyCodec.Describe(value)} at {_path} as JSON: JSON has no way to say unknown");
        if (value.IsNull)
        {
            if (!CtyCodec.Conforms(value.Type, type)) throw Mismatch(value, type);
            _writer.WriteNullValue();
            return;
        }

        switch (type)
        {
            case CtyPrimitiveType p:
                if (value.Type is not CtyPrimitiveType vp || vp.Kind != p.Kind) throw Mismatch(value, type);
                switch (p.Kind)
                {
                    case CtyPrimitiveKind.String:
                        var s = value.AsString();
                        if (!CtyCodec.IsValidUnicode(s)) throw new ArgumentException($"cannot encode the string at {_path}: it holds a lone UTF-16 surrogate");
                        _writer.WriteStringValue(s);
                        break;
                    case CtyPrimitiveKind.Number:
                        var n = value.AsNumber();
                        if (n.IsInfinity) throw new ArgumentException($"cannot encode the number at {_path} as JSON: JSON has no infinity");
                        _writer.WriteRawValue(n.ToString(), skipInputValidation: true);
                        break;
                    default:
                        _writer.WriteBooleanValue(value.AsBool());
                        break;
                }
                break;
            case CtyListType lt:
                if (value.Type is not CtyListType) throw Mismatch(value, type);
                WriteElements(value.ElementArray, lt.Element, isSet: false);
                break;
            case CtySetType st:
                if (value.Type is not CtySetType) throw Mismatch(value, type);
                WriteElements(value.ElementArray, st.Element, isSet: true);
                break;
            case CtyTupleType tt:
                if (value.Type is not CtyTupleType vt || vt.Elements.Count != tt.Elements.Count) throw Mismatch(value, type);
                var elements = value.ElementArray;
                _writer.WriteStartArray();
                for (var i = 0; i < elements.Length; i++)
                {
                    _path.PushIndex(i);
                    WriteValue(elements[i], tt.Elements[i]);
                    _path.Pop();
                }
                _writer.WriteEndArray();
                break;
            case CtyMapType mt:
                if (value.Type is not CtyMapType) throw Mismatch(value, type);
                _writer.WriteStartObject();
                foreach (var (key, element) in value.EntryDictionary)
                {
                    _path.PushKey(key);
                    if (!CtyCodec.IsValidUnicode(key)) throw new ArgumentException($"cannot encode the map key at {_path}: it holds a lone UTF-16 surrogate");
                    _writer.WritePropertyName(key);
                    WriteValue(element, mt.Element);
                    _path.Pop();
                }
                _writer.WriteEndObject();
                break;
            case CtyObjectType ot:
                WriteObject(value, ot);
                break;
            default:
                throw Mismatch(value, type);
        }
    }

    private void WriteObject(CtyValue value, CtyObjectType type)
    {
        if (value.Type is not CtyObjectType) throw Mismatch(value, type);
        var attributes = value.EntryDictionary;
        _writer.WriteStartObject();
        foreach (var (name, attributeType) in type.Attributes)
        {
            _path.PushAttribute(name);
            if (!attributes.TryGetValue(name, out var attribute))
                throw new ArgumentException($"cannot encode the object at {_path}: attribute \"{name}\" of the type is missing from the value");
            _writer.WritePropertyName(name);
            WriteValue(attribute, attributeType);
            _path.Pop();
        }
        if (attributes.Count != type.Attributes.Count)
        {
            foreach (var name in attributes.Keys)
                if (!type.Attributes.ContainsKey(name))
                    throw new ArgumentException($"cannot encode the object at {_path}: its attribute \"{name}\" is not in the type");
        }
        _writer.WriteEndObject();
    }

    private void WriteElements(CtyValue[] elements, CtyType elementType, bool isSet)
    {
        _writer.WriteStartArray();
        for (var i = 0; i < elements.Length; i++)
        {
            if (isSet) _path.PushSetElement();
            else _path.PushIndex(i);
            WriteValue(elements[i], elementType);
            _path.Pop();
        }
        _writer.WriteEndArray();
    }

    private ArgumentException Mismatch(CtyValue value, CtyType type) =>
        new($"cannot encode {CtyCodec.Describe(value)} at {_path} as {type.FriendlyName}: the value does not fit the schema type");
}
