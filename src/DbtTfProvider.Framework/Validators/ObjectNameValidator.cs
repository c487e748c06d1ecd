using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// The name of an object in a service: not blank (a name of spaces passes the service's own checks, and then its
/// marked form cannot be renamed back) and at most the service's limit, checked at plan so that neither a create nor
/// the create of a replacement fails at apply after the old object was deleted.
/// </summary>
public sealed class ObjectNameValidator(int maxLength) : KnownValueValidator
{
    public override string Description => $"Not blank; at most {maxLength} characters.";

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        var name = value.AsString();
        if (string.IsNullOrWhiteSpace(name))
            context.AddError("Invalid attribute value", $"{context.AttributeName} must not be empty or blank; got {name.Length} whitespace character(s).");
        else if (name.Length > maxLength)
            context.AddError("Invalid attribute value", $"{context.AttributeName} must be at most {maxLength} characters, the service's limit; got {name.Length}.");
    }
}
