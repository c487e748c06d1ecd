using System.Text;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>What the msgpack, JSON and type-JSON codecs share: limits, strict UTF-8 and the conformance rule.</summary>
internal static class CtyCodec
{
    /// <summary>
    /// Deepest nesting a decoder follows (collections, objects, dynamic wrappers and type expressions each count one).
    /// Real schemas nest a handful of levels; the bound keeps hostile input from exhausting the stack.
    /// </summary>
    public const int MaxDepth = 100;

    /// <summary>UTF-8 that throws on invalid bytes or lone surrogates instead of silently substituting U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Whether a value of <paramref name="valueType"/> may stand where <paramref name="schemaType"/> is declared:
    /// equal types, or <c>dynamic</c> in the schema, and, as the value model allows, a null or unknown whose own type
    /// is not known (<c>dynamic</c>).
    /// </summary>
    public static bool Conforms(CtyType valueType, CtyType schemaType)
    {
        if (ReferenceEquals(valueType, schemaType) || schemaType is CtyDynamicType || valueType is CtyDynamicType) return true;
        switch (schemaType)
        {
            case CtyPrimitiveType p:
                return valueType is CtyPrimitiveType vp && vp.Kind == p.Kind;
            case CtyCollectionType c:
                return valueType is CtyCollectionType vc && vc.GetType() == c.GetType() && Conforms(vc.Element, c.Element);
            case CtyTupleType t:
                if (valueType is not CtyTupleType vt || vt.Elements.Count != t.Elements.Count) return false;
                for (var i = 0; i < t.Elements.Count; i++)
                    if (!Conforms(vt.Elements[i], t.Elements[i])) return false;
                return true;
            case CtyObjectType o:
                if (valueType is not CtyObjectType vo || vo.Attributes.Count != o.Attributes.Count) return false;
                foreach (var (name, at) in o.Attributes)
                    if (!vo.Attributes.TryGetValue(name, out var vat) || !Conforms(vat, at)) return false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>False for strings holding a lone surrogate, which no UTF-8 encoding can carry.</summary>
    public static bool IsValidUnicode(string s)
    {
        var span = s.AsSpan();
        if (!span.ContainsAnyInRange('\uD800', '\uDFFF')) return true;
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])) i++;
            else if (char.IsSurrogate(span[i])) return false;
        }
        return true;
    }

    /// <summary>For error messages: <c>a known list of string</c>, <c>an unknown number</c>, <c>a null object</c>.</summary>
    public static string Describe(CtyValue v)
    {
        var state = v.State switch { CtyValueState.Null => "null ", CtyValueState.Unknown => "unknown ", _ => "" };
        return $"a {state}{v.Type.FriendlyName} value";
    }

    /// <summary>A string cut short for quoting in a message.</summary>
    public static string Abbreviate(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "...");
}
