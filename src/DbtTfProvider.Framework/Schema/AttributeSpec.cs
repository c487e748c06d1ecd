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
