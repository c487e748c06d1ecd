using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Diagnostics;

/// <summary>
/// Thrown by resource code to fail the current operation with a diagnostic the user reads, optionally pointing at
/// the attribute at fault. Anything already placed in the operation's state (e.g. the id of an object that was
/// created before a later step failed) is still returned to Terraform.
/// </summary>
public class ResourceException : Exception
{
    public ResourceException(string summary, string detail, CtyPath? attributePath = null, Exception? inner = null)
        : base(detail.Length > 0 ? $"{summary}: {detail}" : summary, inner)
    {
        Summary = summary;
        Detail = detail;
        AttributePath = attributePath;
    }

    public string Summary { get; }
    public string Detail { get; }
    public CtyPath? AttributePath { get; }

    public Diagnostic ToDiagnostic() => Diagnostic.Error(Summary, Detail, AttributePath);
}
