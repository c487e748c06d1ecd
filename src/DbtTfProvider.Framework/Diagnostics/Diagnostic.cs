using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Diagnostics;

public enum DiagnosticSeverity { Error, Warning }

/// <summary>
/// What Terraform shows the user. With a <see cref="Path"/>, Terraform points at that attribute in the configuration
/// ("on main.tf line 8 … name = …"); without, at the whole resource block.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Summary, string Detail, CtyPath? Path = null)
{
    public static Diagnostic Error(string summary, string detail, CtyPath? path = null) => new(DiagnosticSeverity.Error, summary, detail, path);
    public static Diagnostic Warning(string summary, string detail, CtyPath? path = null) => new(DiagnosticSeverity.Warning, summary, detail, path);

    public override string ToString() =>
        $"{Severity}: {Summary}{(Path is null || Path.IsRoot ? "" : $" (at {Path})")}{(Detail.Length > 0 ? ": " + Detail : "")}";
}

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

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => string.Join(Environment.NewLine, _items);
}
