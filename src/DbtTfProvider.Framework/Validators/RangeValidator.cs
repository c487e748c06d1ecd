using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// The number must lie in [min, max] (either bound optional), or in (min, max) when <c>exclusive</c>: a bound the
/// service documents as "between 0 and 1 exclusive". With <c>fitsDouble</c>, the number is also one that a service
/// keeping 64-bit floating point numbers receives as written: a number so close to 0 that it would be sent as 0 (while
/// the state kept the number written) is refused. Beyond the bounds, huge and infinite numbers are refused as out of range.
/// </summary>
public sealed class RangeValidator(CtyNumber? min, CtyNumber? max, bool exclusive = false, bool fitsDouble = false) : KnownValueValidator
{
    public override string Description => (min, max, exclusive) switch
    {
        ({ } lo, { } hi, true) => $"Greater than {lo} and less than {hi}.",
        ({ } lo, { } hi, false) => $"Between {lo} and {hi}.",
        ({ } lo, null, true) => $"Greater than {lo}.",
        ({ } lo, null, false) => $"At least {lo}.",
        (null, { } hi, true) => $"Less than {hi}.",
        (null, { } hi, false) => $"At most {hi}.",
        _ => "Any number.",
    };

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        var n = value.AsNumber();
        var below = min is { } lo && (exclusive ? n <= lo : n < lo);
        var above = max is { } hi && (exclusive ? n >= hi : n > hi);
        if (below || above)
            context.AddError("Invalid attribute value", $"{context.AttributeName} must be {Description.TrimEnd('.').ToLowerInvariant()}; got {Shown(n)}.");
        else if (fitsDouble && n != CtyNumber.Zero && !n.IsInfinity && n.ToDouble() == 0)
            context.AddError("Invalid attribute value", $"{context.AttributeName} is too close to 0: {Shown(n)} would be sent as 0 " +
                                                       "(a 64-bit floating point number holds nothing smaller than about 5e-324).");
    }

    /// <summary>A number as a message shows it: as written when short, else in scientific notation (1e400 is 401 digits long).</summary>
    public static string Shown(CtyNumber n)
    {
        var plain = n.ToString();
        if (plain.Length <= 24 || n.IsInfinity) return plain;
        var all = System.Numerics.BigInteger.Abs(n.Significand).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var digits = all.TrimEnd('0');
        var exponent = n.Exponent + all.Length - 1;
        var mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..Math.Min(digits.Length, 7)]}" : digits;
        return $"{(n.Significand.Sign < 0 ? "-" : "")}{mantissa}e{exponent}";
    }
}
