using System.Text.Json.Serialization;

namespace DbtTfProvider.Emulator.State;

internal sealed class JobScheduleTime
{
    public string Type { get; set; } = "every_hour";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Interval { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? Hours { get; set; }
}
