using System.Diagnostics;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>What one terraform command did.</summary>
public sealed record TerraformResult(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
    public override string ToString() => $"terraform {string.Join(' ', Arguments)} exited {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
