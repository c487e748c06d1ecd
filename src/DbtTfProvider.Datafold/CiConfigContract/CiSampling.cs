// ASSUMED CONTRACT: field names fixed in the client's CONTRACT.md; see ICiConfigApi.cs beside this file.
using System.Text.Json.Serialization;

namespace DbtTfProvider.Datafold.CiConfigContract;

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
