// ASSUMED CONTRACT: field names fixed in the client's CONTRACT.md; see ICiConfigApi.cs beside this file.
using System.Text.Json.Serialization;

namespace DbtTfProvider.Datafold.CiConfigContract;

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
