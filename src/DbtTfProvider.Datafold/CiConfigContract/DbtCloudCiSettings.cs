// ASSUMED CONTRACT: field names fixed in the client's CONTRACT.md; see ICiConfigApi.cs beside this file.
using System.Text.Json.Serialization;

namespace DbtTfProvider.Datafold.CiConfigContract;

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
