// ASSUMED CONTRACT. Datafold publishes no endpoint that creates, reads, updates or deletes a CI integration; the
// paths and field names below are the ones this project fixed in CONTRACT.md beside this file ("dbt Cloud CI
// integration (assumed)"). Every assumed path and field name lives in this file, so that following the real service
// is a change here only.
using System.Text.Json.Serialization;
using Refit;

namespace DbtTfProvider.Datafold;

/// <summary>The CI-config endpoints (assumed).</summary>
internal interface ICiConfigApi
{
    /// <summary>The "type" query of the list.</summary>
    const string DbtCloudType = "dbt_cloud";

    const string CreatePath = "/api/v1/ci/dbt_cloud/";
    const string ListPath = "/api/v1/ci/";
    const string ConfigPath = "/api/v1/ci/{id}/";
    const string UpdatePath = "/api/v1/ci/dbt_cloud/{id}/";

    /// <summary>
    /// Every operation of this interface, none of them in Datafold's published API file (which documents CI runs and
    /// their trigger under /api/v1/ci/{ci_config_id}/, but no CI config itself): the list of what is assumed.
    /// </summary>
    static readonly IReadOnlyList<(string Method, string Path)> AssumedOperations =
        [("POST", CreatePath), ("GET", ListPath), ("GET", ConfigPath), ("PUT", UpdatePath), ("DELETE", ConfigPath)];

    [Post(CreatePath)]
    Task<DbtCloudCiConfig> CreateAsync([Body] DbtCloudCiConfig config, CancellationToken cancellationToken);

    [Get(ConfigPath)]
    Task<DbtCloudCiConfig> GetAsync(long id, CancellationToken cancellationToken);

    [Put(UpdatePath)]
    Task<DbtCloudCiConfig> UpdateAsync(long id, [Body] DbtCloudCiConfig config, CancellationToken cancellationToken);

    [Delete(ConfigPath)]
    Task DeleteAsync(long id, CancellationToken cancellationToken);

    [Get(ListPath)]
    Task<List<DbtCloudCiConfig>> ListAsync(string type, int limit, int offset, CancellationToken cancellationToken);
}

/// <summary>
/// A dbt Cloud CI config. Fields whose type is not "or null" in the spec are omitted when null (the service answers
/// 422 to a null there and applies its default to an omitted field); "or null" fields are always sent, so that an
/// update can clear them. Answer-only fields are null in requests and so never sent.
/// </summary>
public sealed class DbtCloudCiConfig
{
    /// <summary>CI config id (answer only).</summary>
    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Id { get; set; }

    /// <summary>Always "dbt_cloud" (answer only).</summary>
    [JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }

    /// <summary>Configuration name; unique per organisation (a second create answers 409).</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Repository integration.</summary>
    [JsonPropertyName("repo_id")]
    public long RepoId { get; set; }

    /// <summary>Data connection the dbt project writes to.</summary>
    [JsonPropertyName("data_source_id")]
    public long DataSourceId { get; set; }

    [JsonPropertyName("dbt_cloud")]
    public DbtCloudCiSettings DbtCloud { get; set; } = new();

    /// <summary>Default "primary-key".</summary>
    [JsonPropertyName("primary_key_tag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrimaryKeyTag { get; set; }

    /// <summary>Enable Datafold in CI/CD; default true.</summary>
    [JsonPropertyName("enabled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Enabled { get; set; }

    [JsonPropertyName("import_dbt_metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ImportDbtMetadata { get; set; }

    [JsonPropertyName("slim_diff"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? SlimDiff { get; set; }

    [JsonPropertyName("diff_hightouch_models"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DiffHightouchModels { get; set; }

    [JsonPropertyName("fail_on_primary_key_issues"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? FailOnPrimaryKeyIssues { get; set; }

    /// <summary>Run only on pull requests with the "datafold" label.</summary>
    [JsonPropertyName("require_label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RequireLabel { get; set; }

    /// <summary>int or null.</summary>
    [JsonPropertyName("diff_threshold")]
    public long? DiffThreshold { get; set; }

    /// <summary>gitignore syntax; sent as [] when empty, never null.</summary>
    [JsonPropertyName("files_to_ignore")]
    public List<string> FilesToIgnore { get; set; } = [];

    /// <summary>string or null.</summary>
    [JsonPropertyName("custom_base_branch")]
    public string? CustomBaseBranch { get; set; }

    /// <summary>"merge_base" (default) or "latest".</summary>
    [JsonPropertyName("base_commit_strategy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BaseCommitStrategy { get; set; }

    /// <summary>Mark the CI check as failed on errors; default true.</summary>
    [JsonPropertyName("fail_on_errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? FailOnErrors { get; set; }

    /// <summary>object or null; sent only when set (not on Datafold's current dbt Cloud integration page).</summary>
    [JsonPropertyName("sampling"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CiSampling? Sampling { get; set; }

    [JsonPropertyName("created_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("updated_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedAt { get; set; }

    public override string ToString() => $"CI config {Id} \"{Name}\"";

    /// <summary>A copy under <paramref name="name"/>, with <paramref name="apiKey"/> as its dbt Cloud key; nested settings are copied too.</summary>
    public DbtCloudCiConfig Copy(string name, string? apiKey)
    {
        var copy = (DbtCloudCiConfig)MemberwiseClone();
        copy.Name = name;
        copy.DbtCloud = DbtCloud.CopyWithKey(apiKey);
        copy.FilesToIgnore = [.. FilesToIgnore];
        return copy;
    }
}

/// <summary>The "dbt_cloud" object of a CI config.</summary>
public sealed class DbtCloudCiSettings
{
    internal DbtCloudCiSettings CopyWithKey(string? apiKey)
    {
        var copy = (DbtCloudCiSettings)MemberwiseClone();
        copy.ApiKey = apiKey;
        return copy;
    }

    /// <summary>dbt Cloud access URL; default https://cloud.getdbt.com.</summary>
    [JsonPropertyName("host_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HostUrl { get; set; }

    [JsonPropertyName("account_id")]
    public long AccountId { get; set; }

    /// <summary>A dbt Cloud service token; write-only (required on create; an update without it keeps the stored one).</summary>
    [JsonPropertyName("api_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiKey { get; set; }

    /// <summary>Answers say whether a key is stored instead of returning it.</summary>
    [JsonPropertyName("api_key_set"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ApiKeySet { get; set; }

    /// <summary>Job that creates dbt artifacts.</summary>
    [JsonPropertyName("artifacts_job_id")]
    public long ArtifactsJobId { get; set; }

    /// <summary>Job that builds pull requests; int or null.</summary>
    [JsonPropertyName("ci_job_id")]
    public long? CiJobId { get; set; }
}

/// <summary>"Advanced settings: Sampling" of Datafold's dbt Core and API integration forms.</summary>
public sealed class CiSampling
{
    /// <summary>"Enable sampling".</summary>
    [JsonPropertyName("enabled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Enabled { get; set; }

    [JsonPropertyName("tolerance"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Tolerance { get; set; }

    [JsonPropertyName("confidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; set; }

    [JsonPropertyName("threshold"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Threshold { get; set; }
}
