using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

// Every job object keeps the JSON properties it does not model in ExtensionData. An update sends the whole object,
// built from the documented request fields only (DbtJob.ToRequest): writable fields set in dbt Cloud's UI that this
// client does not model survive it; read-only answer fields (cron_humanized, next_run, environment, ...) are not sent.
// Answers may carry null where an object, list or string is expected: the setters below turn it into the empty value,
// so that a read never fails on it.

/// <summary>A dbt Cloud job (v2). Create with <see cref="Id"/> null; update by changing a job that was read.</summary>
public sealed class DbtJob
{
    /// <summary>Null on create (sent as "id": null).</summary>
    public long? Id { get; set; }

    public long AccountId { get; set; }
    public long ProjectId { get; set; }
    public long EnvironmentId { get; set; }
    public string Name { get; set => field = value ?? ""; } = "";
    public string Description { get; set => field = value ?? ""; } = "";
    public List<string> ExecuteSteps { get; set => field = value ?? []; } = [];

    /// <summary>Null: the environment's version.</summary>
    public string? DbtVersion { get; set; }

    public JobSettings Settings { get; set => field = value ?? new(); } = new();
    public JobExecution Execution { get; set => field = value ?? new(); } = new();
    public int State { get; set; } = DbtObjectState.Active;
    public bool GenerateDocs { get; set; }
    public bool RunGenerateSources { get; set; }
    public JobTriggers Triggers { get; set => field = value ?? new(); } = new();
    public JobSchedule Schedule { get; set => field = value ?? new(); } = JobSchedule.CustomCron("0 * * * *");
    public long? DeferringEnvironmentId { get; set; }

    /// <summary>Omitted when null: the service infers it from the triggers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? JobType { get; set; }

    public bool TriggersOnDraftPr { get; set; }
    public bool RunLint { get; set; }
    public bool ErrorsOnLintFailure { get; set; } = true;
    public bool RunCompareChanges { get; set; }
    public string CompareChangesFlags { get; set => field = value ?? "--select state:modified"; } = "--select state:modified";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedAt { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedAt { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    [JsonIgnore]
    public bool IsActive => State == DbtObjectState.Active;

    /// <summary>A CI or merge job: dbt Cloud refuses state-aware orchestration fields on it (405).</summary>
    [JsonIgnore]
    public bool IsCiOrMerge => JobType is JobTypes.Ci or JobTypes.Merge
                               || (JobType is null && (Triggers.OnMerge || Triggers.GitProviderWebhook || Triggers.GithubWebhook));

    /// <summary>
    /// The body of a create or update: this job's request fields only. Of the properties this client does not model, only
    /// the writable ones of the v2 request schema are kept (<see cref="JobRequestFields.Unmodelled"/>); nested objects keep
    /// their modelled fields only (dbt Cloud refuses extra keys there). On a CI or merge job the state-aware orchestration
    /// fields are left out, as dbt Labs' provider does, except the two values dbt Cloud takes there ([] and ["dbt_state"]).
    /// </summary>
    public DbtJob ToRequest()
    {
        var request = (DbtJob)MemberwiseClone();
        request.CreatedAt = null;
        request.UpdatedAt = null;
        request.Settings = new JobSettings { Threads = Settings.Threads, TargetName = Settings.TargetName };
        request.Execution = new JobExecution { TimeoutSeconds = Execution.TimeoutSeconds };
        request.Triggers = new JobTriggers
        {
            GithubWebhook = Triggers.GithubWebhook, GitProviderWebhook = Triggers.GitProviderWebhook, Schedule = Triggers.Schedule, OnMerge = Triggers.OnMerge,
        };
        request.Schedule = new JobSchedule
        {
            Cron = Schedule.Cron,
            Date = new ScheduleDate { Type = Schedule.Date.Type, Cron = Schedule.Date.Cron, Days = Schedule.Date.Days },
            Time = new ScheduleTime { Type = Schedule.Time.Type, Interval = Schedule.Time.Interval, Hours = Schedule.Time.Hours },
        };
        var kept = ExtensionData?.Where(p => JobRequestFields.Unmodelled.Contains(p.Key)).ToDictionary();
        if (kept is not null && request.IsCiOrMerge)
        {
            kept.Remove(JobRequestFields.ForceNodeSelection);
            if (kept.TryGetValue(JobRequestFields.CostOptimizationFeatures, out var features) && !JobRequestFields.IsAllowedOnCiOrMerge(features))
                kept.Remove(JobRequestFields.CostOptimizationFeatures);
        }
        request.ExtensionData = kept is { Count: > 0 } ? kept : null;
        return request;
    }

    public override string ToString() => $"job {Id} \"{Name}\"";
}

/// <summary>The job types of the v2 spec this client names.</summary>
public static class JobTypes
{
    public const string Ci = "ci";
    public const string Merge = "merge";
    public const string Scheduled = "scheduled";
    public const string Other = "other";
    public const string Adaptive = "adaptive";
    public const string ExposureSync = "exposure_sync";
    public const string Hybrid = "hybrid";

    /// <summary>
    /// Every type but scheduled, merge and other, the ones a deployment job moves between freely. dbt Cloud does not
    /// let a ci or adaptive job leave its type (400 "the job type field for this job can only be set to 'ci'");
    /// exposure_sync and hybrid (the v2 spec's JobTypeEnum) and any type added later are jobs of another kind too,
    /// which writing a deployment job's settings would rewrite. Null (an answer without job_type) is not fixed.
    /// </summary>
    public static bool IsFixed(string? jobType) => jobType is not (null or Scheduled or Merge or Other);
}

/// <summary>Request fields of a job (v2 HumanReadableJobDefinitionRequest) that <see cref="DbtJob"/> does not model.</summary>
public static class JobRequestFields
{
    public const string ForceNodeSelection = "force_node_selection";
    public const string CostOptimizationFeatures = "cost_optimization_features";

    /// <summary>
    /// Writable, so an update sends back what dbt Cloud holds. <c>force_node_selection</c> and
    /// <c>job_completion_trigger_condition</c> are not in the v2 request schema, but dbt Labs' client sends both.
    /// </summary>
    public static readonly HashSet<string> Unmodelled =
    [
        "deferring_job_definition_id", "lifecycle_webhooks", "generate_sources", CostOptimizationFeatures, ForceNodeSelection,
        "job_completion_trigger_condition",
    ];

    /// <summary>[] or ["dbt_state"]: what a CI or merge job may carry in cost_optimization_features (dbt Labs' provider).</summary>
    public static bool IsAllowedOnCiOrMerge(JsonElement features) =>
        features.ValueKind == JsonValueKind.Array
        && (features.GetArrayLength() == 0
            || (features.GetArrayLength() == 1 && features[0].ValueKind == JsonValueKind.String && features[0].GetString() == "dbt_state"));
}

public sealed class JobSettings
{
    public int Threads { get; set; } = 1;
    public string TargetName { get; set => field = value ?? ""; } = "default";

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
