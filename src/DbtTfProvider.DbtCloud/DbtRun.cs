using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

/// <summary>A job run. Status: 1 queued, 2 starting, 3 running, 10 success, 20 error, 30 cancelled.</summary>
public sealed class DbtRun
{
    public long Id { get; set; }
    public long? JobDefinitionId { get; set; }
    public int Status { get; set; }
    public string? StatusHumanized { get; set; }
    public string? Cause { get; set; }
    public string? CreatedAt { get; set; }

    [JsonIgnore]
    public bool IsFinished => Status is RunStatus.Success or RunStatus.Error or RunStatus.Cancelled;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
