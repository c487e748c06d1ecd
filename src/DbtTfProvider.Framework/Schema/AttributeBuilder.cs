using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>Fluent flags and rules for one attribute; <typeparamref name="TValue"/> is the model field's type.</summary>
public sealed class AttributeBuilder<TValue>
{
    private readonly AttributeSpec _spec;
    private readonly Func<TValue, CtyValue> _toCty;

    internal AttributeBuilder(AttributeSpec spec, Func<TValue, CtyValue> toCty)
    {
        _spec = spec;
        _toCty = toCty;
    }

    public AttributeBuilder<TValue> Required() { _spec.Required = true; return this; }
    public AttributeBuilder<TValue> Optional() { _spec.Optional = true; return this; }
    /// <summary>Set by the provider. With <see cref="Optional"/>: the user may set it, otherwise the provider does.</summary>
    public AttributeBuilder<TValue> Computed() { _spec.Computed = true; return this; }
    /// <summary>Masked in plan output and logs (still stored in state, in plain text, as Terraform does).</summary>
    public AttributeBuilder<TValue> Sensitive() { _spec.Sensitive = true; return this; }
    /// <summary>Sent in configuration only, never stored: always null in plan and state (Terraform 1.11+).</summary>
    public AttributeBuilder<TValue> WriteOnly() { _spec.WriteOnly = true; return this; }
    public AttributeBuilder<TValue> Description(string markdown) { _spec.Description = markdown; return this; }
    public AttributeBuilder<TValue> Deprecated(string message) { _spec.Deprecation = message; return this; }

    /// <summary>
    /// Planned when configuration leaves the attribute null. Implies Computed on resources (Terraform requires it);
    /// in provider configuration, used after the environment variables.
    /// </summary>
    public AttributeBuilder<TValue> Default(TValue value) { _spec.Default = _toCty(value); return this; }

    /// <summary>The API's name for this field, when it differs, so API errors about it point here.</summary>
    public AttributeBuilder<TValue> ApiName(string apiField) { _spec.ApiName = apiField; return this; }

    /// <summary>Not a field of the API object (see <see cref="SchemaAttribute.LocalOnly"/>).</summary>
    public AttributeBuilder<TValue> LocalOnly() { _spec.LocalOnly = true; return this; }

    /// <summary>Written into and read from the API object by <paramref name="converter"/> instead of as one JSON value at its API name.</summary>
    public AttributeBuilder<TValue> ApiConverter(IApiFieldConverter converter) { _spec.ApiConverter = converter; return this; }

    /// <summary>
    /// Provider configuration: a setting the provider cannot work without that may come from its environment variables
    /// instead: optional to Terraform, documented as required (the provider's configure refuses it missing).
    /// </summary>
    public AttributeBuilder<TValue> RequiredSetting() { _spec.Optional = true; _spec.RequiredSetting = true; return this; }

    /// <summary>Provider configuration: environment variables tried in order when the attribute is not set.</summary>
    public AttributeBuilder<TValue> EnvironmentVariables(params string[] names) { _spec.EnvironmentVariables = names; return this; }

    public AttributeBuilder<TValue> PlanModifier(IPlanModifier modifier) { _spec.PlanModifiers.Add(modifier); return this; }
    public AttributeBuilder<TValue> RequiresReplace() => PlanModifier(RequiresReplaceModifier.Instance);
    public AttributeBuilder<TValue> UseStateForUnknown() => PlanModifier(UseStateForUnknownModifier.Instance);

    public AttributeBuilder<TValue> Validator(IAttributeValidator validator) { _spec.Validators.Add(validator); return this; }
    public AttributeBuilder<TValue> ConflictsWith(params string[] siblings) => Validator(new ConflictsWithValidator(siblings));
}
