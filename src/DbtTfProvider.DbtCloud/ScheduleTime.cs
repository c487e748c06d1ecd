using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

public sealed class ScheduleTime
{
    public const string EveryHourType = "every_hour";

    /// <summary>every_hour (with <see cref="Interval"/>) or at_exact_hours (with <see cref="Hours"/>).</summary>
    public string Type { get; set => field = value ?? ""; } = EveryHourType;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Interval { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? Hours { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
