using DbtTfProvider.Plugin.Cty;

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

/// <summary>Object-level: exactly one of the named attributes must be set. Skipped while any of them is unknown.</summary>
public sealed class ExactlyOneOfValidator(params string[] attributes) : IObjectValidator
{
    public string Description => "Exactly one of " + string.Join(", ", attributes.Select(a => $"`{a}`")) + " must be set.";

    public void Validate(ObjectValidationContext context)
    {
        var values = attributes.Select(a => (Name: a, Value: context.Object.GetAttribute(a))).ToArray();
        if (values.Any(v => v.Value.IsUnknown)) return;
        var set = values.Where(v => !v.Value.IsNull).ToArray();
        var list = string.Join(", ", attributes);
        if (set.Length == 0)
            context.Diagnostics.AddAttributeError(context.Path, "Missing required argument", $"Exactly one of {list} must be set; none is.");
        else if (set.Length > 1)
            foreach (var (name, _) in set)
                context.AddAttributeError(name, "Conflicting attributes", $"Exactly one of {list} must be set; {string.Join(" and ", set.Select(s => s.Name))} are all set.");
    }
}

/// <summary>An object check written inline (e.g. "project_id is required when all_projects is false").</summary>
public sealed class ObjectValidator(string description, Action<ObjectValidationContext> validate) : IObjectValidator
{
    public string Description { get; } = description;
    public void Validate(ObjectValidationContext context) => validate(context);
}
