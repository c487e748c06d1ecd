using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>The parts of CtyNumber the codecs lean on: exact parsing, normalisation, and bounds against hostile text.</summary>
public class CtyNumberTests
{
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("-0", "0")]
    [InlineData("-0.000e5", "0")]
    [InlineData("000123.4500", "123.45")]
    [InlineData("1e3", "1000")]
    [InlineData("1E-3", "0.001")]
    [InlineData("12.5e+1", "125")]
    [InlineData(".5", "0.5")]
    [InlineData("-Inf", "-Inf")]
    public void Parses_and_normalises(string text, string expected) =>
        Assert.Equal(expected, CtyNumber.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("NaN")]
    [InlineData("0x10")]
    [InlineData("1e10001")]          // beyond MaxParsedExponent
    [InlineData("1e-10001")]
    [InlineData("1.5e-2147483648")]  // the exponent arithmetic must not wrap around
    [InlineData("1e99999999999")]
    public void Rejects_what_is_not_a_bounded_decimal(string text) =>
        Assert.False(CtyNumber.TryParse(text, out _));

    [Fact]
    public void Digit_bound_counts_significant_digits_only()
    {
        Assert.True(CtyNumber.TryParse("1" + new string('0', 9_000) + "e-9000", out var one));
        Assert.Equal(CtyNumber.FromBigInteger(1), one);
        Assert.False(CtyNumber.TryParse(new string('7', CtyNumber.MaxParsedDigits + 1), out _));
    }

    [Fact]
    public void Huge_exponents_are_not_64_bit_integers()
    {
        var huge = CtyNumber.Parse("1e10000");
        Assert.False(huge.TryGetInt64(out _));
        Assert.False(huge.TryGetUInt64(out _));
        Assert.True(CtyNumber.Parse("1e19").TryGetUInt64(out var u));
        Assert.Equal(10_000_000_000_000_000_000UL, u);
        Assert.False(CtyNumber.Parse("1e19").TryGetInt64(out _));
    }

    [Fact]
    public void Exact_double_detection()
    {
        Assert.True(CtyNumber.Parse("0.1").TryGetExactDouble(out var d));
        Assert.Equal(0.1, d);
        Assert.False(CtyNumber.Parse("0.10000000000000000001").TryGetExactDouble(out _));
        Assert.False(CtyNumber.Parse("1e400").TryGetExactDouble(out _));
    }

    [Fact]
    public void Sets_collapse_duplicates_but_keep_every_unknown()
    {
        var many = Enumerable.Range(0, 50).Select(i => CtyValue.String((i % 10).ToString())).ToList();
        many.Add(CtyValue.Unknown(CtyType.String));
        many.Add(CtyValue.Unknown(CtyType.String));
        var set = CtyValue.Set(CtyType.String, many);
        Assert.Equal(12, set.Elements.Count);
        Assert.Equal(set, CtyValue.Set(CtyType.String, Enumerable.Reverse(many)));
    }
}
