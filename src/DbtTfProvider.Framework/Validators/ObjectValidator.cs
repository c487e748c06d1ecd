namespace DbtTfProvider.Framework.Validators;

/// <summary>An object check written inline (e.g. "project_id is required when all_projects is false").</summary>
public sealed class ObjectValidator(string description, Action<ObjectValidationContext> validate) : IObjectValidator
{
    public string Description { get; } = description;
    public void Validate(ObjectValidationContext context) => validate(context);
}
