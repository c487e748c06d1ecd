using System.Buffers;
using MessagePack;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// Encodes a value the way go-cty's msgpack marshaller does, walking the value against the schema type. A value that
/// does not fit the type is a bug in the caller and raises <see cref="ArgumentException"/> naming the path.
/// </summary>
internal ref struct CtyMsgPackWriter
{
    /// <summary>go-cty's unknown: fixext1, extension type 0, one zero byte.</summary>
    private static ReadOnlySpan<byte> UnknownMarker => [0xd4, 0x00, 0x00];

    private MessagePackWriter _writer;
    private readonly CtyPathTracker _path;

    private CtyMsgPackWriter(IBufferWriter<byte> output)
    {
        _writer = new MessagePackWriter(output);
        _path = new CtyPathTracker();
    }

    public static byte[] Encode(CtyValue value, CtyType type)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(type);
        var buffer = new ArrayBufferWriter<byte>(256);
        var encoder = new CtyMsgPackWriter(buffer);
        encoder.WriteValue(value, type);
        encoder._writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteValue(CtyValue value, CtyType type)
    {
        // A dynamic slot records the concrete type next to the value, even for a typed null or unknown, so that the
        // type survives; only a value whose own type is unknown too travels bare.
        if (type is CtyDynamicType && value.Type is not CtyDynamicType)
        {
            WriteDynamic(value);
            return;
        }
        if (!value.IsKnown)
        {
            if (!CtyCodec.Conforms(value.Type, type)) throw Mismatch(value, type);
            if (value.IsNull) _writer.WriteNil();
            else _writer.WriteRaw(UnknownMarker);
            return;
        }

        switch (type)
        {
            case CtyPrimitiveType p:
                if (value.Type is not CtyPrimitiveType vp || vp.Kind != p.Kind) throw Mismatch(value, type);
                switch (p.Kind)
                {
                    case CtyPrimitiveKind.String: WriteString(value.AsString()); break;
                    case CtyPrimitiveKind.Number: WriteNumber(value.AsNumber()); break;
                    default: _writer.Write(value.AsBool()); break;
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
                _writer.WriteArrayHeader(elements.Length);
                for (var i = 0; i < elements.Length; i++)
                {
                    _path.PushIndex(i);
                    WriteValue(elements[i], tt.Elements[i]);
                    _path.Pop();
                }
                break;
            case CtyMapType mt:
                if (value.Type is not CtyMapType) throw Mismatch(value, type);
                var entries = value.EntryDictionary;
                _writer.WriteMapHeader(entries.Count);
                foreach (var (key, element) in entries)
                {
                    _path.PushKey(key);
                    WriteString(key);
                    WriteValue(element, mt.Element);
                    _path.Pop();
                }
                break;
            case CtyObjectType ot:
                WriteObject(value, ot);
                break;
            default:
                // A known value always has a concrete type, so a dynamic schema type was handled above.
                throw Mismatch(value, type);
        }
    }

    private void WriteObject(CtyValue value, CtyObjectType type)
    {
        if (value.Type is not CtyObjectType) throw Mismatch(value, type);
        var attributes = value.EntryDictionary;
        // Terraform rejects an object that lacks or adds an attribute, so every schema attribute is written, in
        // ordinal order like go-cty, and nothing else.
        _writer.WriteMapHeader(type.Attributes.Count);
        foreach (var (name, attributeType) in type.Attributes)
        {
            _path.PushAttribute(name);
            if (!attributes.TryGetValue(name, out var attribute))
                throw new ArgumentException($"cannot encode the object at {_path}: attribute \"{name}\" of the type is missing from the value");
            WriteString(name);
            WriteValue(attribute, attributeType);
            _path.Pop();
        }
        if (attributes.Count != type.Attributes.Count)
        {
            foreach (var name in attributes.Keys)
                if (!type.Attributes.ContainsKey(name))
                    throw new ArgumentException($"cannot encode the object at {_path}: its attribute \"{name}\" is not in the type");
        }
    }

    private void WriteElements(CtyValue[] elements, CtyType elementType, bool isSet)
    {
        _writer.WriteArrayHeader(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            if (isSet) _path.PushSetElement();
            else _path.PushIndex(i);
            WriteValue(elements[i], elementType);
            _path.Pop();
        }
    }

    private void WriteDynamic(CtyValue value)
    {
        _writer.WriteArrayHeader(2);
        _writer.Write(CtyTypeJson.Serialize(value.Type).AsSpan());
        WriteValue(value, value.Type);
    }

    /// <summary>
    /// go-cty's choice: an int64 when the number is an integer that fits (uint64 above that), a float64 when it is
    /// a fraction a float64 carries exactly, and otherwise the decimal text, which loses nothing. Infinities are
    /// float64, the only form that carries them.
    /// </summary>
    private void WriteNumber(CtyNumber n)
    {
        if (n.IsInfinity) _writer.Write(n.ToDouble());
        else if (n.TryGetInt64(out var l)) _writer.Write(l);
        else if (n.TryGetUInt64(out var u)) _writer.Write(u);
        else if (!n.IsInteger && n.TryGetExactDouble(out var d)) _writer.Write(d);
        else WriteString(n.ToString());
    }

    private void WriteString(string s)
    {
        if (!CtyCodec.IsValidUnicode(s)) throw new ArgumentException($"cannot encode the string at {_path}: it holds a lone UTF-16 surrogate, which UTF-8 cannot carry");
        var byteCount = CtyCodec.StrictUtf8.GetByteCount(s);
        _writer.WriteStringHeader(byteCount);
        var span = _writer.GetSpan(byteCount);
        CtyCodec.StrictUtf8.GetBytes(s, span);
        _writer.Advance(byteCount);
    }

    private readonly ArgumentException Mismatch(CtyValue value, CtyType type) =>
        new($"cannot encode {CtyCodec.Describe(value)} at {_path} as {type.FriendlyName}: the value does not fit the schema type");
}
