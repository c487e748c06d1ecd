using System.Globalization;
using System.Numerics;
using System.Text;
using DbtTfProvider.Plugin.Cty;
using FsCheck;
using FsCheck.Fluent;

namespace DbtTfProvider.Plugin.Tests.Cty;

public static class CtyGen
{
    private static readonly CtyType[] Primitives = [CtyType.String, CtyType.Number, CtyType.Bool, CtyType.Dynamic];
    private static readonly string[] AttributeNames = ["id", "name", "a", "b_c", "value", "type", "über", "", "z9"];

    /// <summary>Types nested up to <paramref name="depth"/> levels: primitives, dynamic, collections, tuples of 0-3, objects of 0-5.</summary>
    public static Gen<CtyType> Type(int depth)
    {
        var leaf = Gen.Elements(Primitives);
        if (depth <= 0) return leaf;
        var inner = Type(depth - 1);
        var tuple = Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(inner, n)).Select(e => (CtyType)CtyType.Tuple(e));
        var obj = Gen.SubListOf(AttributeNames)
            .SelectMany(names => Gen.ArrayOf(inner, Math.Min(names.Count, 5))
                .Select(types => (CtyType)CtyType.Object(types.Select((t, i) => KeyValuePair.Create(names[i], t)))));
        return Gen.Frequency(
            (4, leaf),
            (2, inner.Select(e => (CtyType)CtyType.List(e))),
            (2, inner.Select(e => (CtyType)CtyType.Set(e))),
            (2, inner.Select(e => (CtyType)CtyType.Map(e))),
            (1, tuple),
            (2, obj));
    }

    public static Gen<(CtyType Type, CtyValue Value)> TypedValue(bool allowUnknowns, bool allowInfinity) =>
        Gen.Choose(0, 4).SelectMany(Type).SelectMany(t => Value(t, allowUnknowns, allowInfinity).Select(v => (t, v)));

    /// <summary>Null, unknown (when allowed) or known at every level.</summary>
    public static Gen<CtyValue> Value(CtyType type, bool allowUnknowns, bool allowInfinity)
    {
        var choices = new List<(int, Gen<CtyValue>)>
        {
            (1, Gen.Constant(CtyValue.Null(type))),
            (5, Known(type, allowUnknowns, allowInfinity)),
        };
        if (allowUnknowns) choices.Add((1, Gen.Constant(CtyValue.Unknown(type))));
        return Gen.Frequency(choices.ToArray());
    }

    private static Gen<CtyValue> Known(CtyType type, bool allowUnknowns, bool allowInfinity)
    {
        Gen<CtyValue[]> Elements(CtyType element) =>
            Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Value(element, allowUnknowns, allowInfinity), n));

        switch (type)
        {
            case CtyPrimitiveType { Kind: CtyPrimitiveKind.String }:
                return UnicodeText().Select(CtyValue.String);
            case CtyPrimitiveType { Kind: CtyPrimitiveKind.Number }:
                return Number(allowInfinity).Select(CtyValue.Number);
            case CtyPrimitiveType:
                return Gen.Elements(CtyValue.True, CtyValue.False);
            case CtyDynamicType:
                // A dynamic slot holds a value of some concrete type, which may itself be null or unknown.
                return Gen.Choose(0, 2).SelectMany(Type).Where(t => t is not CtyDynamicType)
                    .SelectMany(t => Value(t, allowUnknowns, allowInfinity));
            case CtyListType lt:
                return Elements(lt.Element).Select(e => CtyValue.List(lt.Element, e));
            case CtySetType st:
                return Elements(st.Element).Select(e => CtyValue.Set(st.Element, e));
            case CtyMapType mt:
                return Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Zip(UnicodeText(), Value(mt.Element, allowUnknowns, allowInfinity)), n))
                    .Select(kvs => CtyValue.Map(mt.Element, kvs.GroupBy(kv => kv.Item1, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.First().Item2))));
            case CtyTupleType tt:
                return Gen.CollectToArray(tt.Elements.Select(e => Value(e, allowUnknowns, allowInfinity)))
                    .Select(e => CtyValue.Tuple(tt, e));
            case CtyObjectType ot:
                var names = ot.Attributes.Keys.ToArray();
                return Gen.CollectToArray(ot.Attributes.Values.Select(a => Value(a, allowUnknowns, allowInfinity)))
                    .Select(vals => CtyValue.Object(ot, vals.Select((v, i) => KeyValuePair.Create(names[i], v))));
            default:
                throw new ArgumentException(type.ToString());
        }
    }

    /// <summary>Valid Unicode: ASCII, accents, CJK, astral characters (surrogate pairs), NUL, quotes and escapes.</summary>
    public static Gen<string> UnicodeText()
    {
        var rune = Gen.Frequency(
            (6, Gen.Choose(0x20, 0x7e)),
            (1, Gen.Elements(0, 0x0a, 0x22, 0x5c, 0x3c, 0x2b)),
            (1, Gen.Choose(0xa0, 0x17f)),
            (1, Gen.Choose(0x4e00, 0x4fff)),
            (1, Gen.Choose(0x1f600, 0x1f64f)));
        return Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(rune, n))
            .Select(cps =>
            {
                var sb = new StringBuilder();
                foreach (var cp in cps) sb.Append(char.ConvertFromUtf32(cp));
                return sb.ToString();
            });
    }

    /// <summary>
    /// Numbers across every encoding go-cty uses: small and extreme int64, uint64 above int64, integers beyond 64
    /// bits, fractions float64 holds exactly, decimals with many digits, tiny and huge exponents, negative zero and
    /// (when allowed) the infinities.
    /// </summary>
    public static Gen<CtyNumber> Number(bool allowInfinity)
    {
        var int64 = Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue), (hi, lo) => ((long)hi << 32) | (uint)lo);
        var digits = Gen.Choose(1, 60).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n)).Select(d => string.Concat(d));
        var choices = new List<(int, Gen<CtyNumber>)>
        {
            (3, Gen.Choose(-300, 300).Select(i => (CtyNumber)i)),
            (1, Gen.Elements<CtyNumber>(long.MinValue, long.MaxValue, 0, -1, 127, 128, 255, 256, 65535, 65536, int.MaxValue, (long)int.MaxValue + 1)),
            (1, int64.Select(l => (CtyNumber)l)),
            (1, int64.Select(l => CtyNumber.FromUInt64((ulong)l | (1UL << 63)))),
            (1, Gen.Zip(digits, Gen.Elements(1, -1)).Select(p => CtyNumber.FromBigInteger(BigInteger.Parse("1" + p.Item1, CultureInfo.InvariantCulture) * p.Item2))),
            (2, Gen.Zip(Gen.Zip(digits, Gen.Choose(-70, 70)), Gen.Elements("", "-"), (de, sign) => CtyNumber.Parse($"{sign}{de.Item1}e{de.Item2}"))),
            // Every float64 bit pattern: subnormals, huge exponents, negative zero.
            (2, int64.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite).Select(CtyNumber.FromDouble)),
            // Ordinary fractions: exact binary ones and the decimal-looking ones people write.
            (2, Gen.Zip(Gen.Choose(-1_000_000, 1_000_000), Gen.Elements(1024.0, 1000.0, 3.0), (i, d) => CtyNumber.FromDouble(i / d))),
            (1, Gen.Elements(0.5, -0.25, 0.1, 1.5e-300, 4.9e-324, 1.7976931348623157e308, -0.0, 1e21, 9007199254740993.0).Select(CtyNumber.FromDouble)),
            (1, Gen.Elements("0.1000000000000000000000000000001", "-123456789012345678901234567890.5", "1e-400", "12345e300", "-0", "-0.000")
                .Select(CtyNumber.Parse)),
        };
        if (allowInfinity) choices.Add((1, Gen.Elements(CtyNumber.PositiveInfinity, CtyNumber.NegativeInfinity)));
        return Gen.Frequency(choices.ToArray());
    }

    /// <summary>A valid encoding with one to three random edits.</summary>
    public static Gen<DamagedMsgPack> DamagedMsgPack() =>
        TypedValue(allowUnknowns: true, allowInfinity: true)
            .Select(p => (p.Type, Bytes: CtyMsgPack.Encode(p.Value, p.Type)))
            .SelectMany(p => Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Edit(), n))
                .Select(edits =>
                {
                    var bytes = new List<byte>(p.Bytes);
                    foreach (var edit in edits) edit(bytes);
                    return new DamagedMsgPack(p.Type, bytes.ToArray());
                }));

    private static Gen<Action<List<byte>>> Edit() =>
        Gen.Zip(Gen.Zip(Gen.Choose(0, 3), Gen.Choose(0, int.MaxValue)), Gen.Choose(0, 255), (kp, b) => (Action<List<byte>>)(bytes =>
        {
            var (kind, position) = kp;
            if (bytes.Count == 0) { bytes.Add((byte)b); return; }
            var at = position % bytes.Count;
            switch (kind)
            {
                case 0: bytes[at] = (byte)b; break;                           // replace
                case 1: bytes[at] ^= (byte)(1 << (b % 8)); break;             // flip a bit
                case 2: bytes.Insert(at, (byte)b); break;                     // insert
                default: bytes.RemoveRange(at, bytes.Count - at); break;      // cut
            }
        }));
}
