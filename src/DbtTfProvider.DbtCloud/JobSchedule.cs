using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

/// <summary>{"cron", "date": {"type", "cron"?, "days"?}, "time": {"type", "interval"? | "hours"?}}.</summary>
public sealed class JobSchedule
{
    /// <summary>The effective cron; the service fills it in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cron { get; set; }

    public ScheduleDate Date { get; set => field = value ?? new(); } = new();
    public ScheduleTime Time { get; set => field = value ?? new(); } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// The job's cron: a custom_cron schedule's own expression; for a schedule set up differently in the UI (every day,
    /// days of week), the effective cron the service derives.
    /// </summary>
    [JsonIgnore]
    public string Expression => Date.Type == ScheduleDate.CustomCronType && Date.Cron is { Length: > 0 } cron ? cron : Cron ?? Date.Cron ?? "";

    /// <summary>The shape for a five-field cron: date {type: custom_cron, cron}, time {type: every_hour, interval: 1}.</summary>
    public static JobSchedule CustomCron(string cron) => new()
    {
        Cron = cron,
        Date = new ScheduleDate { Type = ScheduleDate.CustomCronType, Cron = cron },
        Time = new ScheduleTime { Type = ScheduleTime.EveryHourType, Interval = 1 },
    };
}
