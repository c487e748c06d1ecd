namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// Checks a whole object: the resource configuration, or each element of a nested block (so "exactly one of" rules
/// can be declared inside a block too).
/// </summary>
public interface IObjectValidator
{
    string Description { get; }
    void Validate(ObjectValidationContext context);
}
