using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>The conversions for each kind of model field.</summary>
internal static class FieldCodecs
{
    public static TValue DecodePrimitive<TValue>(CtyValue value, CtyPath path) where TValue : struct, ITfPrimitive<TValue>
    {
        try
        {
            return TValue.FromCty(value);
        }
        catch (ArgumentException e)
        {
            throw new ModelConversionException(path, e.Message);
        }
    }

    public static CtyValue EncodeList<TElem>(TfList<TElem> list, CtyType elementType, Func<TElem, CtyPath, CtyValue> encode, CtyPath path) => list.State switch
    {
        TfValueState.Known => CtyValue.List(elementType, list.Elements.Select((e, i) => encode(e, path.Index(i)))),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.List(elementType)),
        _ => CtyValue.Null(CtyType.List(elementType)),
    };

    public static CtyValue EncodeSet<TElem>(TfSet<TElem> set, CtyType elementType, Func<TElem, CtyPath, CtyValue> encode, CtyPath path) => set.State switch
    {
        TfValueState.Known => CtyValue.Set(elementType, set.Elements.Select(e => encode(e, path))),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.Set(elementType)),
        _ => CtyValue.Null(CtyType.Set(elementType)),
    };

    public static CtyValue EncodeMap<TElem>(TfMap<TElem> map, CtyType elementType, Func<TElem, CtyPath, CtyValue> encode, CtyPath path) => map.State switch
    {
        TfValueState.Known => CtyValue.Map(elementType, map.Elements.Select(kv => KeyValuePair.Create(kv.Key, encode(kv.Value, path.Key(kv.Key))))),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.Map(elementType)),
        _ => CtyValue.Null(CtyType.Map(elementType)),
    };

    // A collection with an unknown element cannot be represented element-wise in a model: it reads as unknown.
    public static TfList<TElem> DecodeList<TElem>(CtyValue value, Func<CtyValue, CtyPath, TElem> decode, CtyPath path) =>
        value.IsNull ? TfList<TElem>.Null
        : !value.IsKnown || !value.IsWhollyKnownShallow() ? TfList<TElem>.Unknown
        : TfList<TElem>.Of(value.Elements.Select((e, i) => decode(e, path.Index(i))));

    public static TfSet<TElem> DecodeSet<TElem>(CtyValue value, Func<CtyValue, CtyPath, TElem> decode, CtyPath path) =>
        value.IsNull ? TfSet<TElem>.Null
        : !value.IsKnown || !value.IsWhollyKnownShallow() ? TfSet<TElem>.Unknown
        : TfSet<TElem>.Of(value.Elements.Select(e => DecodeSetElement(e, decode, path)));

    // Set elements cannot be addressed: a problem inside one is reported at the set.
    private static TElem DecodeSetElement<TElem>(CtyValue element, Func<CtyValue, CtyPath, TElem> decode, CtyPath setPath)
    {
        try
        {
            return decode(element, setPath);
        }
        catch (ModelConversionException e) when (!e.Path.Equals(setPath))
        {
            throw new ModelConversionException(setPath, e.Message);
        }
    }

    public static TfMap<TElem> DecodeMap<TElem>(CtyValue value, Func<CtyValue, CtyPath, TElem> decode, CtyPath path) =>
        value.IsNull ? TfMap<TElem>.Null
        : !value.IsKnown || !value.IsWhollyKnownShallow() ? TfMap<TElem>.Unknown
        : TfMap<TElem>.Of(value.Attributes.Select(kv => KeyValuePair.Create(kv.Key, decode(kv.Value, path.Key(kv.Key)))));

    /// <summary>
    /// Elements of primitive collections must be known to be listed; elements that are objects (blocks) carry their
    /// own unknown attributes, so only an unknown element itself makes the collection unknown.
    /// </summary>
    private static bool IsWhollyKnownShallow(this CtyValue collection) => collection.Type switch
    {
        CtyMapType => collection.Attributes.Values.All(e => e.IsKnown || e.IsNull),
        _ => collection.Elements.All(e => e.IsKnown || e.IsNull),
    };
}
