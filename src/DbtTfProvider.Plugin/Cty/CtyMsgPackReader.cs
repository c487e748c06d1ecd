using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using MessagePack;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// Decodes go-cty's msgpack encoding, driven by the expected type. Every way the input can be wrong ends in a
/// <see cref="CtyDecodeException"/> that carries the path reached so far.
/// </summary>
internal ref struct CtyMsgPackReader
{
    /// <summary>The extension type go-cty uses for unknowns that carry refinements (a map of int keys).</summary>
    private const sbyte RefinedUnknownExtension = 12;

    /// <summary>go-cty refuses refinement payloads above 1 KiB as abusive.</summary>
    private const int MaxRefinementBytes = 1024;

    /// <summary>How deep a refinement payload may nest; the defined refinements nest two levels.</summary>
    private const int MaxRefinementDepth = 8;

    private readonly byte[] _data;
    private MessagePackReader _reader;
    private readonly CtyPathTracker _path;
    private int _depth;

    private CtyMsgPackReader(byte[] data)
    {
        _data = data;
        _reader = new MessagePackReader(data);
        _path = new CtyPathTracker();
        _depth = 0;
    }

    public static CtyValue Decode(ReadOnlySpan<byte> data, CtyType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (data.IsEmpty) throw new CtyDecodeException(CtyPath.Root, "the msgpack input is empty");
        // MessagePackReader reads from memory, not spans; DynamicValue payloads are small, so one copy is cheap.
        var decoder = new CtyMsgPackReader(data.ToArray());
        return decoder.DecodeWhole(type);
    }

    private CtyValue DecodeWhole(CtyType type)
    {
        try
        {
            var value = ReadValue(type);
            if (!_reader.End) throw Error($"{Remaining} unexpected bytes after the value");
            return value;
        }
        catch (EndOfStreamException)
        {
            throw Error("the msgpack input ends in the middle of a value");
        }
        catch (MessagePackSerializationException e)
        {
            throw Error("malformed msgpack: " + e.Message);
        }
        catch (OverflowException)
        {
            throw Error("malformed msgpack: a length or number is out of range");
        }
    }

    private readonly long Remaining => _reader.Sequence.Length - _reader.Consumed;

    private CtyValue ReadValue(CtyType type)
    {
        if (++_depth > CtyCodec.MaxDepth) throw Error($"the value is nested more than {CtyCodec.MaxDepth} levels deep");
        if (_reader.End) throw Error($"the msgpack input ends where {Expected(type)} was expected");
        CheckDeclaredSize();

        CtyValue result;
        switch (_reader.NextMessagePackType)
        {
            case MessagePackType.Extension:
                SkipUnknownMarker();
                result = CtyValue.Unknown(type);
                break;
            case MessagePackType.Nil:
                _reader.ReadNil();
                result = CtyValue.Null(type);
                break;
            default:
                result = type switch
                {
                    CtyPrimitiveType p => p.Kind switch
                    {
                        CtyPrimitiveKind.String => CtyValue.String(ReadString()),
                        CtyPrimitiveKind.Number => CtyValue.Number(ReadNumber()),
                        _ => ReadBool(),
                    },
                    CtyDynamicType => ReadDynamic(),
                    CtyListType lt => CtyValue.DecodedSequence(lt, ReadElements(lt, lt.Element)),
                    CtySetType st => CtyValue.DecodedSet(st, ReadElements(st, st.Element)),
                    CtyTupleType tt => ReadTuple(tt),
                    CtyMapType mt => ReadMap(mt),
                    CtyObjectType ot => ReadObject(ot),
                    _ => throw new ArgumentException($"unsupported cty type {type.GetType().Name}", nameof(type)),
                };
                break;
        }
        _depth--;
        return result;
    }

    /// <summary>
    /// An unknown: go-cty writes ext 0 with one zero byte; any extension of at most one byte counts, and ext 12
    /// carries refinements (nullness, string prefix, bounds) that are checked for shape and then dropped.
    /// </summary>
    private void SkipUnknownMarker()
    {
        var header = _reader.ReadExtensionFormatHeader();
        var payload = _data.AsMemory((int)_reader.Consumed, (int)header.Length); // CheckDeclaredSize made sure it is there
        _reader.ReadRaw(header.Length);
        if (header.Length <= 1) return;
        if (header.TypeCode != RefinedUnknownExtension)
            throw Error($"unsupported msgpack extension type {header.TypeCode} with {header.Length} bytes (only unknown values, ext 0 or 12, are defined)");
        if (header.Length > MaxRefinementBytes)
            throw Error($"the refinements of an unknown value take {header.Length} bytes, more than the {MaxRefinementBytes} go-cty allows");

        var refinements = new MessagePackReader(payload);
        try
        {
            var count = refinements.ReadMapHeader();
            for (var i = 0; i < count; i++)
            {
                if (refinements.NextMessagePackType != MessagePackType.Integer)
                    throw Error($"refinement keys of an unknown value must be integers, not {Describe(refinements)}");
                refinements.ReadInt64();
                SkipLimited(ref refinements, payload.Span, 0);
            }
            // Bytes after the map are ignored, as go-cty does, leaving room for later additions.
        }
        catch (Exception e) when (e is EndOfStreamException or MessagePackSerializationException or OverflowException)
        {
            throw Error("malformed refinements in an unknown value: " + e.Message);
        }
    }

    /// <summary>Skips one value without recursing deeper than a refinement needs (MessagePackReader.Skip does not bound depth).</summary>
    private readonly void SkipLimited(ref MessagePackReader reader, ReadOnlySpan<byte> data, int depth)
    {
        if (depth > MaxRefinementDepth) throw Error("the refinements of an unknown value are nested too deeply");
        if (reader.End) throw Error("the refinements of an unknown value end in the middle of a value");
        if (DeclaredSizeProblem(data[(int)reader.Consumed..]) is { } problem) throw Error(problem + " (in the refinements of an unknown value)");
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Array:
                for (int i = 0, n = reader.ReadArrayHeader(); i < n; i++) SkipLimited(ref reader, data, depth + 1);
                break;
            case MessagePackType.Map:
                for (int i = 0, n = reader.ReadMapHeader(); i < n; i++)
                {
                    SkipLimited(ref reader, data, depth + 1);
                    SkipLimited(ref reader, data, depth + 1);
                }
                break;
            case MessagePackType.Unknown:
                throw Error($"invalid msgpack byte 0x{reader.NextCode:x2} in the refinements of an unknown value");
            default:
                reader.Skip();
                break;
        }
    }

    private string ReadString()
    {
        if (_reader.NextMessagePackType != MessagePackType.String) throw WrongType("a string");
        return ReadUtf8();
    }

    private string ReadUtf8()
    {
        CheckDeclaredSize();
        ReadOnlySpan<byte> bytes;
        if (!_reader.TryReadStringSpan(out bytes))
        {
            // Not contiguous; cannot happen for the single buffer this reader is given, but stay correct.
            bytes = _reader.ReadStringSequence()!.Value.ToArray();
        }
        return DecodeUtf8(bytes);
    }

    private readonly string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return CtyCodec.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error("a string is not valid UTF-8");
        }
    }

    private CtyValue ReadBool()
    {
        if (_reader.NextMessagePackType != MessagePackType.Boolean) throw WrongType("a bool");
        return CtyValue.Bool(_reader.ReadBoolean());
    }

    private CtyNumber ReadNumber()
    {
        switch (_reader.NextMessagePackType)
        {
            case MessagePackType.Integer:
                return _reader.NextCode == MessagePackCode.UInt64 ? CtyNumber.FromUInt64(_reader.ReadUInt64()) : _reader.ReadInt64();
            case MessagePackType.Float:
                return _reader.NextCode == MessagePackCode.Float32 ? FromSingle(_reader.ReadSingle()) : FromDouble(_reader.ReadDouble());
            case MessagePackType.String:
                // go-cty's form for numbers that neither int64 nor float64 carry exactly.
                var text = ReadUtf8();
                return CtyNumber.TryParse(text, out var n) ? n : throw Error($"\"{CtyCodec.Abbreviate(text)}\" is not a valid number");
            default:
                throw WrongType("a number");
        }
    }

    private readonly CtyNumber FromDouble(double d)
    {
        if (double.IsNaN(d)) throw Error("NaN is not a valid number");
        // An integral float64 is taken at its exact binary value (as go-cty does); the shortest decimal that
        // round-trips could differ for magnitudes beyond 2^53. A fraction is taken as its shortest decimal.
        if (double.IsFinite(d) && Math.Truncate(d) == d) return CtyNumber.FromBigInteger(new BigInteger(d));
        return CtyNumber.FromDouble(d);
    }

    private readonly CtyNumber FromSingle(float f)
    {
        if (float.IsNaN(f)) throw Error("NaN is not a valid number");
        if (float.IsInfinity(f) || MathF.Truncate(f) == f) return FromDouble(f);
        return CtyNumber.Parse(f.ToString("R", CultureInfo.InvariantCulture));
    }

    private CtyValue ReadDynamic()
    {
        if (_reader.NextMessagePackType != MessagePackType.Array) throw WrongType("a [type, value] array for a dynamic value");
        var count = ReadArrayHeader();
        if (count != 2) throw Error($"a dynamic value must be a [type, value] array of 2 elements, not {count}");

        ReadOnlySequence<byte> typeJson;
        if (_reader.End) throw Error("the msgpack input ends where the type of a dynamic value was expected");
        CheckDeclaredSize();
        switch (_reader.NextMessagePackType)
        {
            case MessagePackType.Binary:
                typeJson = _reader.ReadBytes()!.Value;
                break;
            case MessagePackType.String:
                typeJson = _reader.ReadStringSequence()!.Value;
                break;
            default:
                throw WrongType("the type of a dynamic value as JSON in bin or str");
        }

        CtyType type;
        try
        {
            type = CtyTypeJson.Parse(typeJson.IsSingleSegment ? typeJson.FirstSpan : typeJson.ToArray());
        }
        catch (CtyDecodeException e)
        {
            throw Error("the type of a dynamic value is not valid: " + e.Message);
        }
        return ReadValue(type);
    }

    private CtyValue[] ReadElements(CtyType collectionType, CtyType elementType)
    {
        if (_reader.NextMessagePackType != MessagePackType.Array) throw WrongType($"an array for a {collectionType.FriendlyName}");
        var count = ReadArrayHeader();
        if (count == 0) return [];
        var elements = new CtyValue[count];
        var isSet = collectionType is CtySetType;
        for (var i = 0; i < count; i++)
        {
            if (isSet) _path.PushSetElement();
            else _path.PushIndex(i);
            elements[i] = ReadValue(elementType);
            _path.Pop();
        }
        return elements;
    }

    private CtyValue ReadTuple(CtyTupleType type)
    {
        if (_reader.NextMessagePackType != MessagePackType.Array) throw WrongType($"an array for a tuple of {type.Elements.Count} elements");
        var count = ReadArrayHeader();
        if (count != type.Elements.Count) throw Error($"a tuple of {type.Elements.Count} elements is required, but the array has {count}");
        var elements = new CtyValue[count];
        for (var i = 0; i < count; i++)
        {
            _path.PushIndex(i);
            elements[i] = ReadValue(type.Elements[i]);
            _path.Pop();
        }
        return CtyValue.DecodedSequence(type, elements);
    }

    private CtyValue ReadMap(CtyMapType type)
    {
        if (_reader.NextMessagePackType != MessagePackType.Map) throw WrongType($"a msgpack map for a {type.FriendlyName}");
        var count = ReadMapHeader();
        var entries = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (_reader.NextMessagePackType != MessagePackType.String) throw WrongType("a string map key");
            var key = ReadUtf8();
            _path.PushKey(key);
            if (entries.ContainsKey(key)) throw Error($"map key \"{CtyCodec.Abbreviate(key)}\" appears more than once");
            entries.Add(key, ReadValue(type.Element));
            _path.Pop();
        }
        return CtyValue.DecodedEntries(type, entries);
    }

    private CtyValue ReadObject(CtyObjectType type)
    {
        if (_reader.NextMessagePackType != MessagePackType.Map) throw WrongType("a msgpack map for an object");
        var count = ReadMapHeader();
        var attributes = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (_reader.NextMessagePackType != MessagePackType.String) throw WrongType("a string attribute name");
            var name = ReadUtf8();
            _path.PushAttribute(name);
            if (!type.Attributes.TryGetValue(name, out var attributeType))
                throw Error($"unexpected attribute \"{CtyCodec.Abbreviate(name)}\": the object type has no such attribute");
            if (attributes.ContainsKey(name)) throw Error($"attribute \"{name}\" appears more than once");
            attributes.Add(name, ReadValue(attributeType));
            _path.Pop();
        }
        if (attributes.Count != type.Attributes.Count)
        {
            foreach (var name in type.Attributes.Keys)
            {
                if (attributes.ContainsKey(name)) continue;
                _path.PushAttribute(name);
                throw Error($"missing attribute \"{name}\": an object must carry every attribute of its type ({type.Attributes.Count} required, {attributes.Count} given)");
            }
        }
        return CtyValue.DecodedEntries(type, attributes);
    }

    // CheckDeclaredSize has already compared the header's count with the bytes left.
    private int ReadArrayHeader() => _reader.ReadArrayHeader();

    private int ReadMapHeader() => _reader.ReadMapHeader();

    /// <summary>
    /// Refuses a str, bin, ext, array or map header that declares more than the input holds (an array element or a
    /// map entry takes at least one byte or two), before anything is allocated for it. MessagePackReader's own
    /// checks are not enough: a str32 length of 2 GiB or more makes it throw ArgumentOutOfRangeException.
    /// </summary>
    private readonly void CheckDeclaredSize()
    {
        if (DeclaredSizeProblem(_data.AsSpan((int)_reader.Consumed)) is { } problem) throw Error(problem);
    }

    private static string? DeclaredSizeProblem(ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty) return null;
        var code = rest[0];
        (int HeaderSize, int LengthBytes, string What, string Unit, int BytesPerUnit) shape = code switch
        {
            >= 0xa0 and <= 0xbf => (1, 0, "string", "bytes", 1),
            0xd9 => (2, 1, "string", "bytes", 1),
            0xda => (3, 2, "string", "bytes", 1),
            0xdb => (5, 4, "string", "bytes", 1),
            0xc4 => (2, 1, "binary", "bytes", 1),
            0xc5 => (3, 2, "binary", "bytes", 1),
            0xc6 => (5, 4, "binary", "bytes", 1),
            >= 0x90 and <= 0x9f => (1, 0, "an array", "elements", 1),
            0xdc => (3, 2, "an array", "elements", 1),
            0xdd => (5, 4, "an array", "elements", 1),
            >= 0x80 and <= 0x8f => (1, 0, "a map", "entries", 2),
            0xde => (3, 2, "a map", "entries", 2),
            0xdf => (5, 4, "a map", "entries", 2),
            >= 0xd4 and <= 0xd8 => (2, 0, "an extension", "bytes", 1),
            0xc7 => (3, 1, "an extension", "bytes", 1),
            0xc8 => (4, 2, "an extension", "bytes", 1),
            0xc9 => (6, 4, "an extension", "bytes", 1),
            _ => (0, 0, "", "", 0),
        };
        if (shape.HeaderSize == 0) return null;
        if (rest.Length < shape.HeaderSize) return $"the msgpack input ends in the middle of {Article(shape.What)} header";
        long count = shape.LengthBytes switch
        {
            0 => code switch
            {
                >= 0xd4 and <= 0xd8 => 1 << (code - 0xd4),
                >= 0xa0 and <= 0xbf => code & 0x1f,
                _ => code & 0x0f,
            },
            1 => rest[1],
            2 => BinaryPrimitives.ReadUInt16BigEndian(rest[1..]),
            _ => BinaryPrimitives.ReadUInt32BigEndian(rest[1..]),
        };
        var left = rest.Length - shape.HeaderSize;
        return count * shape.BytesPerUnit > left
            ? $"{Article(shape.What)} header claims {count} {shape.Unit}, but only {left} bytes are left"
            : null;
    }

    private static string Article(string what) => what.StartsWith('a') ? what : "a " + what;

    private readonly CtyDecodeException WrongType(string expected) =>
        Error($"expected {expected}, but the msgpack input has {Describe(_reader)}");

    private static string Expected(CtyType type) => type switch
    {
        CtyPrimitiveType or CtyDynamicType => $"a {type.FriendlyName}",
        _ => $"a {type.FriendlyName} value",
    };

    private static string Describe(MessagePackReader reader) => reader.NextMessagePackType switch
    {
        MessagePackType.Integer => "an integer",
        MessagePackType.Nil => "nil",
        MessagePackType.Boolean => "a bool",
        MessagePackType.Float => "a float",
        MessagePackType.String => "a string",
        MessagePackType.Binary => "binary data",
        MessagePackType.Array => "an array",
        MessagePackType.Map => "a map",
        MessagePackType.Extension => "an extension",
        _ => $"the invalid byte 0x{reader.NextCode:x2}",
    };

    private readonly CtyDecodeException Error(string message) => new(_path.ToPath(), message);
}
