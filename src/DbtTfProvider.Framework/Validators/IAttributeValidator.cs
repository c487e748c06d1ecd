namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// Checks one attribute (or nested block) value in configuration. Called for every occurrence, including null and
/// unknown values: configuration may hold unknowns at validate time, and value checks must let them pass
/// (derive from <see cref="KnownValueValidator"/> for that).
/// </summary>
public interface IAttributeValidator
{
    /// <summary>Markdown, for generated documentation.</summary>
    string Description { get; }
    void Validate(AttributeValidationContext context);
}
