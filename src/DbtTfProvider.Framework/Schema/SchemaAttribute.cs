using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// One attribute of a schema, independent of the wire protocol. Built by <see cref="SchemaBuilder{TModel}"/>; the
/// protocol adapter translates it to a tfplugin6 attribute and the planner reads its flags. A record: a changed copy is
/// <c>attribute with { Sensitive = true }</c>, which keeps every other member.
/// </summary>
public sealed record SchemaAttribute
{
    public required string Name { get; init; }
    public required CtyType Type { get; init; }
    public bool Required { get; init; }
    public bool Optional { get; init; }
    public bool Computed { get; init; }
    public bool Sensitive { get; init; }
    public bool WriteOnly { get; init; }
    public string? Description { get; init; }
    public string? Deprecation { get; init; }
    /// <summary>Planned when configuration leaves the attribute null (resource schemas only).</summary>
    public CtyValue? Default { get; init; }
    public IReadOnlyList<IPlanModifier> PlanModifiers { get; init; } = [];
    public IReadOnlyList<IAttributeValidator> Validators { get; init; } = [];
    /// <summary>The field name an API uses for this attribute, when it differs (maps API errors to this attribute).</summary>
    public string? ApiName { get; init; }
    /// <summary>
    /// Not a field of the API object (a create-time action such as "start a run now"): <see cref="ApiObjectMapping{TModel}"/>
    /// neither sends, reads back nor compares it.
    /// </summary>
    public bool LocalOnly { get; init; }
    /// <summary>How the attribute is written into and read from the API object when it is not one JSON value at its API name.</summary>
    public IApiFieldConverter? ApiConverter { get; init; }
    /// <summary>Provider configuration only: environment variables consulted, in order, when the attribute is null.</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; init; } = [];
    /// <summary>
    /// Provider configuration only: optional to Terraform (it may come from <see cref="EnvironmentVariables"/>), but the
    /// provider cannot work without it; documented as required.
    /// </summary>
    public bool RequiredSetting { get; init; }
    /// <summary>
    /// For a nested attribute (<c>owner = { name = "x" }</c>, or a list, set or map of such objects): the attributes of
    /// each object and how the objects nest. Null for an attribute of a plain type. <see cref="Type"/> is then the
    /// object type, or the collection of it.
    /// </summary>
    public SchemaNestedType? NestedType { get; init; }
}
