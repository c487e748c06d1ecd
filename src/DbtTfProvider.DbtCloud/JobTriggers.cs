using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

public sealed class JobTriggers
{
    public bool GithubWebhook { get; set; }
    public bool GitProviderWebhook { get; set; }
    public bool Schedule { get; set; }
    public bool OnMerge { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
