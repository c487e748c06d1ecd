using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

public sealed class ScheduleDate
{
    public const string CustomCronType = "custom_cron";

    /// <summary>every_day, days_of_week, custom_cron or interval_cron.</summary>
    public string Type { get; set => field = value ?? ""; } = CustomCronType;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cron { get; set; }

    /// <summary>0 = Sunday; only for days_of_week.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? Days { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
