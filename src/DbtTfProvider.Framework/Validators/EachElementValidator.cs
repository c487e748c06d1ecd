using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>Applies a validator to each element of a list, set or map (list elements get their index in the path).</summary>
public sealed class EachElementValidator(IAttributeValidator element) : IAttributeValidator
{
    public string Description => "Each element: " + element.Description;

    public void Validate(AttributeValidationContext context)
    {
        var value = context.Value;
        if (!value.IsKnown) return;
        switch (value.Type)
        {
            case CtyListType:
                for (var i = 0; i < value.Elements.Count; i++)
                    element.Validate(new AttributeValidationContext { Value = value.Elements[i], Path = context.Path.Index(i), Parent = context.Parent, Diagnostics = context.Diagnostics, Name = $"{context.AttributeName}[{i}]" });
                break;
            case CtySetType:
                foreach (var e in value.Elements)
                    element.Validate(new AttributeValidationContext { Value = e, Path = context.Path, Parent = context.Parent, Diagnostics = context.Diagnostics, Name = context.Name });
                break;
            case CtyMapType:
                foreach (var (k, e) in value.Attributes)
                    element.Validate(new AttributeValidationContext { Value = e, Path = context.Path.Key(k), Parent = context.Parent, Diagnostics = context.Diagnostics, Name = $"{context.AttributeName}[\"{k}\"]" });
                break;
        }
    }
}
