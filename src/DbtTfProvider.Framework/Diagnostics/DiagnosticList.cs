using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Diagnostics;

/// <summary>The diagnostics collected while serving one request.</summary>
public sealed class DiagnosticList : IReadOnlyList<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;
    public Diagnostic this[int index] => _items[index];
    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
    public void AddError(string summary, string detail = "") => Add(Diagnostic.Error(summary, detail));
    public void AddWarning(string summary, string detail = "") => Add(Diagnostic.Warning(summary, detail));
    public void AddAttributeError(CtyPath path, string summary, string detail = "") => Add(Diagnostic.Error(summary, detail, path));
    public void AddAttributeError(string attribute, string summary, string detail = "") => AddAttributeError(CtyPath.Attribute(attribute), summary, detail);
    public void AddAttributeWarning(CtyPath path, string summary, string detail = "") => Add(Diagnostic.Warning(summary, detail, path));

    /// <summary>How many diagnostics of one kind (severity and summary) a response carries before the rest are counted.</summary>
    public const int ShownPerKind = 10;

    /// <summary>
    /// The diagnostics to send, with at most <see cref="ShownPerKind"/> of each kind and, after them, one that counts
    /// the rest of that kind. Terraform's time to print diagnostics grows with the square of their number (5,000
    /// missing projects would print for more than ten minutes), and ten show what to fix as well as 5,000 do.
    /// </summary>
    public IReadOnlyList<Diagnostic> Capped()
    {
        var seen = new Dictionary<(DiagnosticSeverity, string), int>();
        var shown = new List<Diagnostic>(Math.Min(_items.Count, 64));
        foreach (var d in _items)
        {
            var count = seen[(d.Severity, d.Summary)] = seen.GetValueOrDefault((d.Severity, d.Summary)) + 1;
            if (count <= ShownPerKind) shown.Add(d);
        }
        foreach (var ((severity, summary), count) in seen.Where(k => k.Value > ShownPerKind))
        {
            var rest = count - ShownPerKind;
            shown.Add(new Diagnostic(severity, $"{summary}: {rest} more",
                $"{rest} more {(severity == DiagnosticSeverity.Error ? "errors" : "warnings")} \"{summary}\" of this resource are not shown: " +
                $"the first {ShownPerKind} above say what is wrong. Fix those and run the command again to see what remains."));
        }
        return shown;
    }

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => string.Join(Environment.NewLine, _items);
}
