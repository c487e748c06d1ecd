namespace DbtTfProvider.Framework.PlanModifiers;

/// <summary>
/// Keeps the prior state's value instead of "(known after apply)" on update, for computed values that do not
/// change once set (ids, secrets returned only at create).
/// </summary>
public sealed class UseStateForUnknownModifier : IPlanModifier
{
    public static readonly UseStateForUnknownModifier Instance = new();
    public string Description => "The value does not change after creation.";

    public void ModifyPlan(PlanModifierContext context)
    {
        // On create there is nothing to keep; a known plan needs nothing; an unknown config value must flow through.
        if (context.IsCreate || !context.Plan.IsUnknown || context.Config.IsUnknown) return;
        context.Plan = context.Prior;
    }
}
