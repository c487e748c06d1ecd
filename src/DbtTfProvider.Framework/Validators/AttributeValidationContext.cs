using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

public sealed class AttributeValidationContext
{
    public required CtyValue Value { get; init; }
    public required CtyPath Path { get; init; }
    /// <summary>The object holding this attribute: the resource configuration or one nested block.</summary>
    public required CtyValue Parent { get; init; }
    public required DiagnosticList Diagnostics { get; init; }

    /// <summary>
    /// The attribute's own name. Needed inside sets of blocks, where the path stops at the set (its elements cannot be
    /// addressed), so that a message still names the attribute at fault.
    /// </summary>
    public string? Name { get; init; }

    public string AttributeName => Name ?? (Path.Steps is [.., CtyAttributeStep a] ? a.Name : Path.ToString());

    public void AddError(string summary, string detail) => Diagnostics.AddAttributeError(Path, summary, detail);
}
