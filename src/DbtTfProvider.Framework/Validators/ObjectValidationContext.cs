using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

public sealed class ObjectValidationContext
{
    /// <summary>A known object (never null or unknown: those are skipped).</summary>
    public required CtyValue Object { get; init; }
    /// <summary>Where the object is: the root for the resource, the block's path for nested blocks.</summary>
    public required CtyPath Path { get; init; }
    /// <summary>False for elements of a set of blocks, whose attributes cannot be addressed by a path.</summary>
    public required bool AttributesAddressable { get; init; }
    public required DiagnosticList Diagnostics { get; init; }

    /// <summary>The path a diagnostic about attribute <paramref name="name"/> of this object should carry.</summary>
    public CtyPath PathOf(string name) => AttributesAddressable ? Path.Attr(name) : Path;

    public void AddAttributeError(string name, string summary, string detail) => Diagnostics.AddAttributeError(PathOf(name), summary, detail);
}
