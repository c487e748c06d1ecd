namespace DbtTfProvider.Framework.Validators;

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
