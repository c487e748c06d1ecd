namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// Attribute-level: when this attribute is set, none of the named sibling attributes may be set. An unknown value
/// counts as set, since it will be set once known.
/// </summary>
public sealed class ConflictsWithValidator(params string[] siblings) : IAttributeValidator
{
    public string Description => "Conflicts with " + string.Join(", ", siblings.Select(s => $"`{s}`")) + ".";

    public void Validate(AttributeValidationContext context)
    {
        if (context.Value.IsNull || !context.Parent.IsKnown) return;
        foreach (var sibling in siblings)
        {
            if (context.Parent.TryGetAttribute(sibling, out var other) && !other.IsNull)
                context.AddError("Conflicting attributes", $"{context.AttributeName} cannot be set together with {sibling}; remove one of them.");
        }
    }
}
