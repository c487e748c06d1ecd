using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Diagnostics;

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
