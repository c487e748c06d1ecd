using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

internal static class DefaultConversions
{
    public static CtyValue ToCtyDefault<TElem>(this TfList<TElem> v, CtyType elementType) where TElem : struct, ITfPrimitive<TElem> =>
        FieldCodecs.EncodeList(v, elementType, (e, _) => e.ToCty(), CtyPath.Root);
    public static CtyValue ToCtyDefault<TElem>(this TfSet<TElem> v, CtyType elementType) where TElem : struct, ITfPrimitive<TElem> =>
        FieldCodecs.EncodeSet(v, elementType, (e, _) => e.ToCty(), CtyPath.Root);
    public static CtyValue ToCtyDefault<TElem>(this TfMap<TElem> v, CtyType elementType) where TElem : struct, ITfPrimitive<TElem> =>
        FieldCodecs.EncodeMap(v, elementType, (e, _) => e.ToCty(), CtyPath.Root);
}
