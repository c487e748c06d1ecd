using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

// Every job object keeps the JSON properties it does not model in ExtensionData. An update sends the whole object,
// built from the documented request fields only (DbtJob.ToRequest): writable fields set in dbt Cloud's UI that this
// client does not model survive it; read-only answer fields (cron_humanized, next_run, environment, ...) are not sent.
// Answers may carry null where an object, list or string is expected: the setters of DbtJob and of its nested objects
// (JobSettings, JobExecution, JobTriggers, JobSchedule, ScheduleDate, ScheduleTime) turn it into the empty value, so
// that a read never fails on it.

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
