namespace DbtTfProvider.Framework.PlanModifiers;

/// <summary>Any change to the value replaces the resource (destroy, then create).</summary>
public sealed class RequiresReplaceModifier : IPlanModifier
{
    public static readonly RequiresReplaceModifier Instance = new();
    public string Description => "Changing this value replaces the resource.";
    public bool RequiresReplace(RequiresReplaceContext context) => true;
}

/// <summary>A change replaces the resource when <c>predicate</c> says so (e.g. only when a value grows).</summary>
public sealed class RequiresReplaceIfModifier(Func<RequiresReplaceContext, bool> predicate, string description) : IPlanModifier
{
    public string Description { get; } = description;
    public bool RequiresReplace(RequiresReplaceContext context) => predicate(context);
}

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

/// <summary>Like <see cref="UseStateForUnknownModifier"/>, but only when the prior value is not null.</summary>
public sealed class UseNonNullStateForUnknownModifier : IPlanModifier
{
    public static readonly UseNonNullStateForUnknownModifier Instance = new();
    public string Description => "Once set, the value does not change.";

    public void ModifyPlan(PlanModifierContext context)
    {
        if (context.IsCreate || !context.Plan.IsUnknown || context.Config.IsUnknown || context.Prior.IsNull) return;
        context.Plan = context.Prior;
    }
}

/// <summary>A plan modifier written inline: <c>new PlanModifier("…", ctx => …)</c>.</summary>
public sealed class PlanModifier(string description, Action<PlanModifierContext> modify) : IPlanModifier
{
    public string Description { get; } = description;
    public void ModifyPlan(PlanModifierContext context) => modify(context);
}
