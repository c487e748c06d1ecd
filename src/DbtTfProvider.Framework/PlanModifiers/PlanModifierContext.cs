using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.PlanModifiers;

public sealed class PlanModifierContext
{
    public required CtyPath Path { get; init; }
    /// <summary>The configured value (may be unknown).</summary>
    public required CtyValue Config { get; init; }
    /// <summary>The value in the prior state; null on create.</summary>
    public required CtyValue Prior { get; init; }
    /// <summary>The planned value so far; set it to change the plan.</summary>
    public required CtyValue Plan { get; set; }
    /// <summary>True when the object holding this value is new: the resource is being created, or this block element was just added.</summary>
    public required bool IsCreate { get; init; }
    public required DiagnosticList Diagnostics { get; init; }
}
