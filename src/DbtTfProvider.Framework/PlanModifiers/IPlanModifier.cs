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
