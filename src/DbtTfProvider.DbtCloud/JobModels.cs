using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

// Every job object keeps the JSON properties it does not model in ExtensionData, and writes them back: an update
// sends the whole object, so fields set in dbt Cloud's UI that this client does not know survive it.

/// <summary>A dbt Cloud job (v2). Create with <see cref="Id"/> null; update by changing a job that was read.</summary>
public sealed class DbtJob
{
    /// <summary>Null on create (sent as "id": null).</summary>
    public long? Id { get; set; }

    public long AccountId { get; set; }
    public long ProjectId { get; set; }
    public long EnvironmentId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> ExecuteSteps { get; set; } = [];

    /// <summary>Null: the environment's version.</summary>
    public string? DbtVersion { get; set; }

    public JobSettings Settings { get; set; } = new();
    public JobExecution Execution { get; set; } = new();
    public int State { get; set; } = DbtObjectState.Active;
    public bool GenerateDocs { get; set; }
    public bool RunGenerateSources { get; set; }
    public JobTriggers Triggers { get; set; } = new();
    public JobSchedule Schedule { get; set; } = JobSchedule.CustomCron("0 * * * *");
    public long? DeferringEnvironmentId { get; set; }

    /// <summary>Omitted when null: the service infers it from the triggers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? JobType { get; set; }

    public bool TriggersOnDraftPr { get; set; }
    public bool RunLint { get; set; }
    public bool ErrorsOnLintFailure { get; set; } = true;
    public bool RunCompareChanges { get; set; }
    public string CompareChangesFlags { get; set; } = "--select state:modified";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedAt { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedAt { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    [JsonIgnore]
    public bool IsActive => State == DbtObjectState.Active;

    public override string ToString() => $"job {Id} \"{Name}\"";
}

public sealed class JobSettings
{
    public int Threads { get; set; } = 1;
    public string TargetName { get; set; } = "default";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class JobExecution
{
    public int TimeoutSeconds { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class JobTriggers
{
    public bool GithubWebhook { get; set; }
    public bool GitProviderWebhook { get; set; }
    public bool Schedule { get; set; }
    public bool OnMerge { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>{"cron", "date": {"type", "cron"?, "days"?}, "time": {"type", "interval"? | "hours"?}}.</summary>
public sealed class JobSchedule
{
    /// <summary>The effective cron; the service fills it in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cron { get; set; }

    public ScheduleDate Date { get; set; } = new();
    public ScheduleTime Time { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The shape for a five-field cron: date {type: custom_cron, cron}, time {type: every_hour, interval: 1}.</summary>
    public static JobSchedule CustomCron(string cron) => new()
    {
        Cron = cron,
        Date = new ScheduleDate { Type = ScheduleDate.CustomCronType, Cron = cron },
        Time = new ScheduleTime { Type = ScheduleTime.EveryHourType, Interval = 1 },
    };
}

public sealed class ScheduleDate
{
    public const string CustomCronType = "custom_cron";

    /// <summary>every_day, days_of_week, custom_cron or interval_cron.</summary>
    public string Type { get; set; } = CustomCronType;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cron { get; set; }

    /// <summary>0 = Sunday; only for days_of_week.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? Days { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class ScheduleTime
{
    public const string EveryHourType = "every_hour";

    /// <summary>every_hour (with <see cref="Interval"/>) or at_exact_hours (with <see cref="Hours"/>).</summary>
    public string Type { get; set; } = EveryHourType;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Interval { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? Hours { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Filters of the job list; null filters are left out.</summary>
public sealed class JobListFilter
{
    public long? ProjectId { get; init; }
    public long? EnvironmentId { get; init; }

    /// <summary>Case-insensitive substring of the name (the service's name__icontains).</summary>
    public string? NameContains { get; init; }
}

public sealed class RunTriggerRequest
{
    public string Cause { get; set; } = "";
}

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

public static class RunStatus
{
    public const int Queued = 1;
    public const int Starting = 2;
    public const int Running = 3;
    public const int Success = 10;
    public const int Error = 20;
    public const int Cancelled = 30;
}
