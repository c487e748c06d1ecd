using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>Base for checks of a value's content: null and unknown values always pass.</summary>
public abstract class KnownValueValidator : IAttributeValidator
{
    public abstract string Description { get; }

    public void Validate(AttributeValidationContext context)
    {
        if (context.Value.IsKnown && context.Value.IsWhollyKnown) ValidateKnown(context.Value, context);
    }

    protected abstract void ValidateKnown(CtyValue value, AttributeValidationContext context);
}
