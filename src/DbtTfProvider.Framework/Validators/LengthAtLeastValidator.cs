using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>A string of at least N characters, or a list, set or map of at least N elements.</summary>
public sealed class LengthAtLeastValidator(int minimum) : KnownValueValidator
{
    public override string Description => $"At least {minimum} {(minimum == 1 ? "element or character" : "elements or characters")}.";

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        var (length, unit) = value.Type switch
        {
            CtyPrimitiveType => (value.AsString().Length, "character"),
            CtyMapType => (value.Attributes.Count, "element"),
            _ => (value.Elements.Count, "element"),
        };
        if (length < minimum)
            context.AddError("Invalid attribute value",
                $"{context.AttributeName} must have at least {minimum} {unit}{(minimum == 1 ? "" : "s")}; got {length}.");
    }
}
