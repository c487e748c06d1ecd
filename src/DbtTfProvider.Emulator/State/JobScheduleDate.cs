using System.Text.Json.Serialization;

namespace DbtTfProvider.Emulator.State;

internal sealed class JobScheduleDate
{
    public string Type { get; set; } = "custom_cron";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cron { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? Days { get; set; }
}
