using System.Globalization;
using System.Numerics;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// An arbitrary-precision decimal number (significand × 10^exponent), plus the two infinities that go-cty allows.
/// Normalised so that equal numbers have equal representations: 1.50 and 1.5 are the same value.
/// </summary>
public readonly struct CtyNumber : IEquatable<CtyNumber>, IComparable<CtyNumber>
{
    private readonly BigInteger _significand;
    private readonly int _exponent;
    private readonly sbyte _infinity; // 0 finite, +1 / -1 infinite

    private CtyNumber(BigInteger significand, int exponent, sbyte infinity)
    {
        if (infinity == 0 && !significand.IsZero)
        {
            while (significand % 10 == 0)
            {
                significand /= 10;
                exponent++;
            }
        }
        else
        {
            exponent = 0;
        }
        _significand = significand;
        _exponent = exponent;
        _infinity = infinity;
    }

    public static readonly CtyNumber Zero = new(BigInteger.Zero, 0, 0);
    public static readonly CtyNumber PositiveInfinity = new(BigInteger.Zero, 0, 1);
    public static readonly CtyNumber NegativeInfinity = new(BigInteger.Zero, 0, -1);

    public static CtyNumber FromParts(BigInteger significand, int exponent) => new(significand, exponent, 0);

    public BigInteger Significand => _significand;
    public int Exponent => _exponent;
    public bool IsInfinity => _infinity != 0;
    public bool IsInteger => _infinity == 0 && _exponent >= 0;

    public static implicit operator CtyNumber(long value) => new(value, 0, 0);
    public static implicit operator CtyNumber(int value) => new(value, 0, 0);
    public static CtyNumber FromUInt64(ulong value) => new(value, 0, 0);
    public static CtyNumber FromBigInteger(BigInteger value) => new(value, 0, 0);

    /// <summary>The exact decimal that prints as the shortest round-trip form of <paramref name="value"/>.</summary>
    public static CtyNumber FromDouble(double value)
    {
        if (double.IsNaN(value)) throw new ArgumentException("NaN is not a cty number.", nameof(value));
        if (double.IsPositiveInfinity(value)) return PositiveInfinity;
        if (double.IsNegativeInfinity(value)) return NegativeInfinity;
        return Parse(value.ToString("R", CultureInfo.InvariantCulture));
    }

    public static CtyNumber Parse(string text) =>
        TryParse(text, out var n) ? n : throw new FormatException($"\"{text}\" is not a number.");

    /// <summary>
    /// Bounds on numbers read from text: at most this many significant digits, and a decimal exponent within ±this.
    /// Far beyond anything Terraform sends (float64 spans about 10^±324, go-cty parses with 512 bits), yet small
    /// enough that a hostile input cannot make parsing, formatting or comparing a number take unbounded time or memory.
    /// </summary>
    public const int MaxParsedDigits = 10_000;
    public const int MaxParsedExponent = 10_000;

    /// <summary>Parses decimal notation with an optional exponent (what go-cty writes for big numbers).</summary>
    public static bool TryParse(string? text, out CtyNumber number) => TryParse(text.AsSpan(), out number);

    /// <inheritdoc cref="TryParse(string?, out CtyNumber)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out CtyNumber number)
    {
        number = Zero;
        var s = text.Trim();
        if (s.IsEmpty) return false;
        if (s is "+Inf" or "Inf" or "+Infinity" or "Infinity") { number = PositiveInfinity; return true; }
        if (s is "-Inf" or "-Infinity") { number = NegativeInfinity; return true; }

        long exponent = 0;
        var ePos = s.IndexOfAny('e', 'E');
        if (ePos >= 0)
        {
            if (!int.TryParse(s[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e)) return false;
            exponent = e;
            s = s[..ePos];
        }

        var negative = false;
        if (s.StartsWith('-')) { negative = true; s = s[1..]; }
        else if (s.StartsWith('+')) s = s[1..];

        var dot = s.IndexOf('.');
        var intPart = dot >= 0 ? s[..dot] : s;
        var fracPart = dot >= 0 ? s[(dot + 1)..] : [];
        if (intPart.Length + fracPart.Length == 0 || intPart.ContainsAnyExceptInRange('0', '9') || fracPart.ContainsAnyExceptInRange('0', '9')) return false;

        // Strip zeros that carry no digits of the significand before parsing, so that the digit bound is about
        // significant digits and the constructor's normalisation has nothing left to do.
        Span<char> digits = intPart.Length + fracPart.Length <= 256 ? stackalloc char[intPart.Length + fracPart.Length] : new char[intPart.Length + fracPart.Length];
        intPart.CopyTo(digits);
        fracPart.CopyTo(digits[intPart.Length..]);
        exponent -= fracPart.Length;
        ReadOnlySpan<char> significant = digits.TrimStart('0');
        if (significant.IsEmpty) return true; // zero, whatever its sign and exponent
        var trailing = significant.Length - significant.TrimEnd('0').Length;
        significant = significant[..^trailing];
        exponent += trailing;
        if (significant.Length > MaxParsedDigits || exponent > MaxParsedExponent || exponent < -MaxParsedExponent) return false;

        var sig = BigInteger.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
        number = new CtyNumber(negative ? -sig : sig, (int)exponent, 0);
        return true;
    }

    public bool TryGetInt64(out long value)
    {
        value = 0;
        // A normalised non-zero significand times 10^20 or more is beyond 64 bits; checking first avoids a huge Pow.
        if (!IsInteger || _exponent > 19) return false;
        var v = _significand * BigInteger.Pow(10, _exponent);
        if (v < long.MinValue || v > long.MaxValue) return false;
        value = (long)v;
        return true;
    }

    public bool TryGetUInt64(out ulong value)
    {
        value = 0;
        if (!IsInteger || _exponent > 19) return false;
        var v = _significand * BigInteger.Pow(10, _exponent);
        if (v < ulong.MinValue || v > ulong.MaxValue) return false;
        value = (ulong)v;
        return true;
    }

    public long ToInt64() => TryGetInt64(out var v) ? v : throw new OverflowException($"{this} is not a whole number that fits in 64 bits.");

    public double ToDouble() =>
        _infinity > 0 ? double.PositiveInfinity :
        _infinity < 0 ? double.NegativeInfinity :
        double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>True when a float64 carries this exact decimal (in its shortest round-trip form).</summary>
    public bool TryGetExactDouble(out double value)
    {
        value = ToDouble();
        if (IsInfinity) return true;
        return !double.IsInfinity(value) && FromDouble(value).Equals(this);
    }

    public bool Equals(CtyNumber other) =>
        _infinity == other._infinity && _exponent == other._exponent && _significand.Equals(other._significand);
    public override bool Equals(object? obj) => obj is CtyNumber n && Equals(n);
    public override int GetHashCode() => HashCode.Combine(_significand, _exponent, _infinity);
    public static bool operator ==(CtyNumber a, CtyNumber b) => a.Equals(b);
    public static bool operator !=(CtyNumber a, CtyNumber b) => !a.Equals(b);

    public int CompareTo(CtyNumber other)
    {
        if (_infinity != 0 || other._infinity != 0)
        {
            var a = _infinity != 0 ? _infinity : 0;
            var b = other._infinity != 0 ? other._infinity : 0;
            if (a != b) return a.CompareTo(b);
            if (a != 0) return 0;
        }
        var e = Math.Min(_exponent, other._exponent);
        var x = _significand * BigInteger.Pow(10, _exponent - e);
        var y = other._significand * BigInteger.Pow(10, other._exponent - e);
        return x.CompareTo(y);
    }
    public static bool operator <(CtyNumber a, CtyNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(CtyNumber a, CtyNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(CtyNumber a, CtyNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(CtyNumber a, CtyNumber b) => a.CompareTo(b) >= 0;

    /// <summary>Plain decimal notation without exponent, e.g. <c>-12.5</c>, <c>1000</c>; infinities as <c>+Inf</c>/<c>-Inf</c>.</summary>
    public override string ToString()
    {
        if (_infinity > 0) return "+Inf";
        if (_infinity < 0) return "-Inf";
        var negative = _significand.Sign < 0;
        var digits = BigInteger.Abs(_significand).ToString(CultureInfo.InvariantCulture);
        string body;
        if (_exponent >= 0)
        {
            body = _significand.IsZero ? "0" : digits + new string('0', _exponent);
        }
        else
        {
            var point = digits.Length + _exponent;
            body = point > 0 ? digits[..point] + "." + digits[point..] : "0." + new string('0', -point) + digits;
        }
        return negative ? "-" + body : body;
    }
}
