using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

/// <summary>
/// One grant of a permissions POST, shaped as dbt Labs' client sends it: <c>project_id</c> left out for an
/// all-projects grant (the spec types it integer, not nullable), <c>writable_environment_categories</c> left out when
/// empty (omitted and empty both mean no write access).
/// </summary>
public sealed class ServiceTokenGrantRequest
{
    public long AccountId { get; set; }
    public long ServiceTokenId { get; set; }
    public string PermissionSet { get; set; } = "";
    public bool AllProjects { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ProjectId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? WritableEnvironmentCategories { get; set; }
}
