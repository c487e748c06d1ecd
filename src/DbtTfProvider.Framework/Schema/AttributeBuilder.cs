using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

internal sealed class AttributeSpec(string name, CtyType type) : IMemberSpec
{
    public string Name { get; } = name;
    public CtyType Type { get; } = type;
    public bool Required, Optional, Computed, Sensitive, WriteOnly, RequiredSetting, LocalOnly;
    public IApiFieldConverter? ApiConverter;
    public string? Description, Deprecation, ApiName;
    public CtyValue? Default;
    public readonly List<IPlanModifier> PlanModifiers = [];
    public readonly List<IAttributeValidator> Validators = [];
    public string[] EnvironmentVariables = [];
    public SchemaNestedType? NestedType;

    public SchemaAttribute Build<TModel>(SchemaBuilder<TModel> owner) where TModel : class, new()
    {
        string Where() => $"{owner.Owner}, attribute \"{Name}\"";
        var computed = Computed;
        if (Default is not null)
        {
            // Terraform plans no data source: a null configured value stays null there.
            if (owner.Kind == SchemaKind.DataSource) throw new SchemaDefinitionException($"{Where()}: data source attributes cannot have a default.");
            if (Required) throw new SchemaDefinitionException($"{Where()}: a required attribute cannot have a default.");
            if (WriteOnly) throw new SchemaDefinitionException($"{Where()}: a write-only attribute cannot have a default.");
            if (!Default.IsWhollyKnown || Default.IsNull) throw new SchemaDefinitionException($"{Where()}: the default must be a known, non-null value.");
            // Terraform only accepts a planned value for a null config value on computed attributes.
            if (owner.Kind == SchemaKind.Resource) computed = true;
            if (!Optional) throw new SchemaDefinitionException($"{Where()}: an attribute with a default must be optional.");
        }
        if (Required && (Optional || computed)) throw new SchemaDefinitionException($"{Where()}: required excludes optional and computed.");
        if (!Required && !Optional && !computed) throw new SchemaDefinitionException($"{Where()}: declare it Required(), Optional() or Computed().");
        if (WriteOnly)
        {
            if (computed) throw new SchemaDefinitionException($"{Where()}: a write-only attribute cannot be computed.");
            if (owner.InsideSet) throw new SchemaDefinitionException($"{Where()}: write-only attributes are not allowed inside sets of blocks.");
            if (owner.Kind != SchemaKind.Resource) throw new SchemaDefinitionException($"{Where()}: write-only is for resource attributes only.");
        }
        if (RequiredSetting && (owner.Kind != SchemaKind.ProviderConfig || EnvironmentVariables.Length == 0 || Default is not null))
            throw new SchemaDefinitionException($"{Where()}: a required setting is a provider setting with environment variables and no default.");
        if (EnvironmentVariables.Length > 0 && owner.Kind != SchemaKind.ProviderConfig)
            throw new SchemaDefinitionException($"{Where()}: environment variable fallbacks are for provider configuration only.");
        if (owner.Kind == SchemaKind.ProviderConfig && computed)
            throw new SchemaDefinitionException($"{Where()}: provider configuration attributes cannot be computed.");
        if (PlanModifiers.Count > 0 && owner.Kind != SchemaKind.Resource)
            throw new SchemaDefinitionException($"{Where()}: plan modifiers are for resource attributes only.");
        // Nothing could set an attribute inside an object only the provider sets.
        if (NestedType is { } nested && computed && !Optional && nested.Object.Attributes.FirstOrDefault(a => !a.Computed) is { } settable)
            throw new SchemaDefinitionException($"{Where()}: a computed-only nested attribute holds computed attributes only (\"{settable.Name}\" is not).");

        return new SchemaAttribute
        {
            Name = Name, Type = Type, Required = Required, Optional = Optional, Computed = computed, Sensitive = Sensitive,
            WriteOnly = WriteOnly, Description = Description, Deprecation = Deprecation,
            Default = owner.Kind == SchemaKind.Resource || owner.Kind == SchemaKind.ProviderConfig ? Default : null,
            PlanModifiers = PlanModifiers.ToArray(), Validators = Validators.ToArray(), ApiName = ApiName,
            LocalOnly = LocalOnly, ApiConverter = ApiConverter,
            EnvironmentVariables = EnvironmentVariables, RequiredSetting = RequiredSetting, NestedType = NestedType,
        };
    }
}

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

internal sealed class BlockSpec(string name, BlockNesting nesting, SchemaBlock block) : IMemberSpec
{
    public string Name { get; } = name;
    public readonly BlockBuilder Builder = new();

    public SchemaNestedBlock Build<TModel>(SchemaBuilder<TModel> owner) where TModel : class, new()
    {
        var b = Builder;
        if (nesting == BlockNesting.Single && (b.Min > 1 || b.Max > 1))
            throw new SchemaDefinitionException($"{owner.Owner}, block \"{Name}\": a single block has at most one item.");
        if (b.Max > 0 && b.Min > b.Max)
            throw new SchemaDefinitionException($"{owner.Owner}, block \"{Name}\": min_items exceeds max_items.");
        return new SchemaNestedBlock
        {
            Name = Name, Nesting = nesting, Block = block, MinItems = b.Min,
            MaxItems = nesting == BlockNesting.Single ? (b.Min == 1 ? 1 : 0) : b.Max,
            Description = b.Text, Deprecation = b.Deprecation, PlanModifiers = b.Modifiers.ToArray(), Validators = b.Validators.ToArray(),
            ApiName = b.Api,
        };
    }
}

/// <summary>Fluent limits and rules for a nested block type.</summary>
public sealed class BlockBuilder
{
    internal int Min, Max;
    internal string? Text, Deprecation, Api;
    internal readonly List<IPlanModifier> Modifiers = [];
    internal readonly List<IAttributeValidator> Validators = [];

    internal BlockBuilder() { }

    /// <summary>At least this many blocks (Terraform enforces it; 1 on a single block makes it required).</summary>
    public BlockBuilder MinItems(int count) { Min = count; return this; }
    public BlockBuilder MaxItems(int count) { Max = count; return this; }
    public BlockBuilder Description(string markdown) { Text = markdown; return this; }
    public BlockBuilder Deprecated(string message) { Deprecation = message; return this; }
    public BlockBuilder ApiName(string apiField) { Api = apiField; return this; }
    public BlockBuilder PlanModifier(IPlanModifier modifier) { Modifiers.Add(modifier); return this; }
    /// <summary>Any change to these blocks replaces the resource.</summary>
    public BlockBuilder RequiresReplace() => PlanModifier(RequiresReplaceModifier.Instance);
    public BlockBuilder Validator(IAttributeValidator validator) { Validators.Add(validator); return this; }
}
