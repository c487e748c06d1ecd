using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>The string must be one of the given values (case-sensitive).</summary>
public sealed class OneOfValidator(params string[] values) : KnownValueValidator
{
    private readonly string[] _values = values;
    public IReadOnlyList<string> Values => _values;
    public override string Description => "Must be one of: " + string.Join(", ", _values.Select(v => $"`{v}`")) + ".";

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        var s = value.AsString();
        if (_values.Contains(s, StringComparer.Ordinal)) return;
        var suggestion = Closest(s) is { } near ? $" Did you mean \"{near}\"?" : "";
        context.AddError("Invalid attribute value",
            $"{context.AttributeName} must be one of {string.Join(", ", _values.Select(v => $"\"{v}\""))}; got {DisplayText.Quote(s)}.{suggestion}");
    }

    /// <summary>
    /// The allowed value a typo most likely meant: the same word in another case ("Member"), else the one value within
    /// a third of its length in edits ("memeber"); null when none or several are that close.
    /// </summary>
    public string? Closest(string typed)
    {
        var sameWord = _values.Where(v => string.Equals(v, typed, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (sameWord.Length == 1) return sameWord[0];
        var lower = typed.ToLowerInvariant();
        var near = _values.Select(v => (Value: v, Distance: EditDistance(lower, v.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, c.Value.Length / 3))
            .OrderBy(c => c.Distance).ToArray();
        return near.Length == 0 || (near.Length > 1 && near[1].Distance == near[0].Distance) ? null : near[0].Value;
    }

    /// <summary>Levenshtein distance, with a swap of two neighbours counting as one edit.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}

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

/// <summary>A string of at least N characters, or a list, set or map of at least N elements.</summary>
public sealed class LengthAtLeastValidator(int minimum) : KnownValueValidator
{
    public override string Description => $"At least {minimum} {(minimum == 1 ? "element or character" : "elements or characters")}.";

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        var (length, unit) = value.Type switch
        {
            CtyPrimitiveType => (value.AsString().Length, "character"),
            CtyMapType => (value.Attributes.Count, "element"),
            _ => (value.Elements.Count, "element"),
        };
        if (length < minimum)
            context.AddError("Invalid attribute value",
                $"{context.AttributeName} must have at least {minimum} {unit}{(minimum == 1 ? "" : "s")}; got {length}.");
    }
}

/// <summary>Applies a validator to each element of a list, set or map (list elements get their index in the path).</summary>
public sealed class EachElementValidator(IAttributeValidator element) : IAttributeValidator
{
    public string Description => "Each element: " + element.Description;

    public void Validate(AttributeValidationContext context)
    {
        var value = context.Value;
        if (!value.IsKnown) return;
        switch (value.Type)
        {
            case CtyListType:
                for (var i = 0; i < value.Elements.Count; i++)
                    element.Validate(new AttributeValidationContext { Value = value.Elements[i], Path = context.Path.Index(i), Parent = context.Parent, Diagnostics = context.Diagnostics, Name = $"{context.AttributeName}[{i}]" });
                break;
            case CtySetType:
                foreach (var e in value.Elements)
                    element.Validate(new AttributeValidationContext { Value = e, Path = context.Path, Parent = context.Parent, Diagnostics = context.Diagnostics, Name = context.Name });
                break;
            case CtyMapType:
                foreach (var (k, e) in value.Attributes)
                    element.Validate(new AttributeValidationContext { Value = e, Path = context.Path.Key(k), Parent = context.Parent, Diagnostics = context.Diagnostics, Name = $"{context.AttributeName}[\"{k}\"]" });
                break;
        }
    }
}

/// <summary>
/// A string check written inline: <c>check</c> returns null when the value is fine, otherwise the sentence that
/// completes "ATTRIBUTE ..." (e.g. "must be a five-field cron expression: …").
/// </summary>
public sealed class StringValidator(string description, Func<string, string?> check) : KnownValueValidator
{
    public override string Description { get; } = description;

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        if (check(value.AsString()) is { } problem)
            context.AddError("Invalid attribute value", $"{context.AttributeName} {problem}");
    }
}
