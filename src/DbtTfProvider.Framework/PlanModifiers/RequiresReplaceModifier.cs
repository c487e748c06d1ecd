namespace DbtTfProvider.Framework.PlanModifiers;

/// <summary>Any change to the value replaces the resource (destroy, then create).</summary>
public sealed class RequiresReplaceModifier : IPlanModifier
{
    public static readonly RequiresReplaceModifier Instance = new();
    public string Description => "Changing this value replaces the resource.";
    public bool RequiresReplace(RequiresReplaceContext context) => true;
}
