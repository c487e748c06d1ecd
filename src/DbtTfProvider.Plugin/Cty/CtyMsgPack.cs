namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// go-cty's msgpack encoding of values (the <c>msgpack</c> field of tfplugin6 <c>DynamicValue</c>): null as nil,
/// unknown as extension 0, objects as maps with exactly their type's attributes, dynamic as <c>[type-json, value]</c>.
/// </summary>
public static class CtyMsgPack
{
    /// <summary>Decodes a value of <paramref name="type"/>; any malformed input is a <see cref="CtyDecodeException"/>.</summary>
    public static CtyValue Decode(ReadOnlySpan<byte> data, CtyType type) => CtyMsgPackReader.Decode(data, type);

    /// <summary>Encodes <paramref name="v"/> as <paramref name="type"/>; a value that does not fit the type is an <see cref="ArgumentException"/>.</summary>
    public static byte[] Encode(CtyValue v, CtyType type) => CtyMsgPackWriter.Encode(v, type);
}
