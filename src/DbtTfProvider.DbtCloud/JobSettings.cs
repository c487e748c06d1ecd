using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

public sealed class JobSettings
{
    public int Threads { get; set; } = 1;
    public string TargetName { get; set => field = value ?? ""; } = "default";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
