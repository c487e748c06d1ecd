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
