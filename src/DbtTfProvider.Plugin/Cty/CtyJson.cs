namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// go-cty's JSON encoding of values: the raw state Terraform hands to <c>UpgradeResourceState</c> and the <c>json</c>
/// field of <c>DynamicValue</c>. JSON cannot carry unknowns.
/// </summary>
public static class CtyJson
{
    /// <summary>
    /// Decodes a value of <paramref name="type"/>. Object attributes missing from the JSON are null; attributes the
    /// type lacks are skipped when <paramref name="ignoreUnknownAttributes"/> (state written by an older schema), an
    /// error otherwise. Numbers keep every digit. Malformed input is a <see cref="CtyDecodeException"/>.
    /// </summary>
    public static CtyValue Decode(ReadOnlySpan<byte> json, CtyType type, bool ignoreUnknownAttributes = true) =>
        CtyJsonReader.Decode(json, type, ignoreUnknownAttributes);

    /// <summary>Encodes <paramref name="v"/> as compact JSON; unknowns, infinities and values that do not fit the type are an <see cref="ArgumentException"/>.</summary>
    public static byte[] Encode(CtyValue v, CtyType type) => CtyJsonWriter.Encode(v, type);
}
