using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.PlanModifiers;

/// <summary>
/// A small single-purpose rule attached to an attribute or nested block. <see cref="ModifyPlan"/> may change the
/// planned value (create and update only); <see cref="RequiresReplace"/> is asked, after the whole plan is final,
/// only on update and only where the planned value differs from the prior state.
/// </summary>
public interface IPlanModifier
{
    /// <summary>Markdown, for generated documentation.</summary>
    string Description { get; }

    void ModifyPlan(PlanModifierContext context) { }

    bool RequiresReplace(RequiresReplaceContext context) => false;
}

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

public sealed class RequiresReplaceContext
{
    public required CtyPath Path { get; init; }
    public required CtyValue Config { get; init; }
    public required CtyValue Prior { get; init; }
    public required CtyValue Plan { get; init; }
}
