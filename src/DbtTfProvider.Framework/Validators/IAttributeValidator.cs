using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

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

public sealed class AttributeValidationContext
{
    public required CtyValue Value { get; init; }
    public required CtyPath Path { get; init; }
    /// <summary>The object holding this attribute: the resource configuration or one nested block.</summary>
    public required CtyValue Parent { get; init; }
    public required DiagnosticList Diagnostics { get; init; }

    /// <summary>
    /// The attribute's own name. Needed inside sets of blocks, where the path stops at the set (its elements cannot be
    /// addressed), so that a message still names the attribute at fault.
    /// </summary>
    public string? Name { get; init; }

    public string AttributeName => Name ?? (Path.Steps.LastOrDefault() is CtyAttributeStep a ? a.Name : Path.ToString());

    public void AddError(string summary, string detail) => Diagnostics.AddAttributeError(Path, summary, detail);
}

/// <summary>
/// Checks a whole object: the resource configuration, or each element of a nested block (so "exactly one of" rules
/// can be declared inside a block too).
/// </summary>
public interface IObjectValidator
{
    string Description { get; }
    void Validate(ObjectValidationContext context);
}

public sealed class ObjectValidationContext
{
    /// <summary>A known object (never null or unknown: those are skipped).</summary>
    public required CtyValue Object { get; init; }
    /// <summary>Where the object is: the root for the resource, the block's path for nested blocks.</summary>
    public required CtyPath Path { get; init; }
    /// <summary>False for elements of a set of blocks, whose attributes cannot be addressed by a path.</summary>
    public required bool AttributesAddressable { get; init; }
    public required DiagnosticList Diagnostics { get; init; }

    /// <summary>The path a diagnostic about attribute <paramref name="name"/> of this object should carry.</summary>
    public CtyPath PathOf(string name) => AttributesAddressable ? Path.Attr(name) : Path;

    public void AddAttributeError(string name, string summary, string detail) => Diagnostics.AddAttributeError(PathOf(name), summary, detail);
}

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
