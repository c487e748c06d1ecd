using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>The job rules of the spec: request shape first (400 field map), then references (business-rule 400).</summary>
internal static class JobValidation
{
    /// <summary>
    /// The longest job or service token name dbt Cloud stores. Reconstructed, not documented: dbt Labs' OpenAPI files give
    /// these names no maxLength, and 255 is the limit of most length-limited stored strings there (names, ids, URLs).
    /// </summary>
    public const int MaxNameLength = 255;

    /// <summary>The v2 spec's JobTypeEnum.</summary>
    public static readonly string[] JobTypes = ["ci", "merge", "scheduled", "other", "adaptive", "exposure_sync", "hybrid"];

    /// <summary>
    /// Types a job cannot leave. ci and adaptive are dbt Cloud's (its 400 message); exposure_sync and hybrid are a
    /// reconstruction: jobs dbt Cloud makes for a purpose of their own, assumed as fixed as a ci job.
    /// </summary>
    public static readonly string[] FixedTypes = ["ci", "adaptive", "exposure_sync", "hybrid"];

    /// <summary>
    /// The keys a job body may carry: the properties of the v2 request schema (HumanReadableJobDefinitionRequest),
    /// plus <c>id</c>, <c>force_node_selection</c> and <c>job_completion_trigger_condition</c>, which dbt Labs' own
    /// client sends. Read-only answer fields (<c>cron_humanized</c>, <c>next_run</c>, <c>environment</c>, ...) are not.
    /// </summary>
    public static readonly HashSet<string> RequestFields =
    [
        "id", "account_id", "project_id", "environment_id", "name", "dbt_version", "deferring_environment_id",
        "deferring_job_definition_id", "description", "execute_steps", "execution", "generate_docs", "job_type",
        "lifecycle_webhooks", "run_compare_changes", "compare_changes_flags", "run_generate_sources", "run_lint",
        "errors_on_lint_failure", "cost_optimization_features", "force_node_selection", "settings", "state",
        "triggers_on_draft_pr", "triggers", "schedule", "generate_sources", "job_completion_trigger_condition",
    ];

    /// <summary>dbt Cloud's answer (405) to state-aware orchestration fields on a CI or merge job (sources: this project's README).</summary>
    public const string SaoNotAvailable = "State aware orchestration is not available for CI or Merge jobs";

    /// <summary>The one cost optimization feature a CI or merge job may carry (dbt Labs' provider sends it there).</summary>
    public const string DbtStateFeature = "dbt_state";

    /// <summary>Top-level keys of a job body that are not request fields, in body order.</summary>
    public static List<string> UnexpectedKeys(JsonNode? body) =>
        body is JsonObject job ? job.Select(kv => kv.Key).Where(key => !RequestFields.Contains(key)).ToList() : [];

    /// <summary>
    /// Null, or dbt Cloud's refusal of state-aware orchestration on a CI or merge job: any <c>force_node_selection</c>
    /// value, or a non-empty <c>cost_optimization_features</c> other than ["dbt_state"].
    /// </summary>
    public static string? SaoProblem(Job job) =>
        IsCiOrMerge(job.JobType)
        && (job.ForceNodeSelection is not null || (job.CostOptimizationFeatures.Count > 0 && job.CostOptimizationFeatures is not [DbtStateFeature]))
            ? SaoNotAvailable
            : null;

    /// <summary>What the service stores when the body left force_node_selection out: SAO off (true), except on CI and merge jobs.</summary>
    public static void FillSaoDefaults(Job job) => job.ForceNodeSelection ??= IsCiOrMerge(job.JobType) ? null : true;

    private static bool IsCiOrMerge(string jobType) => jobType is "ci" or "merge";

    /// <summary>A job from a create or whole-object update body; unknown keys (read-only extras sent back) are ignored.</summary>
    public static Job? Read(FieldReader reader, JsonNode? body, int accountId)
    {
        var root = reader.Root(body);
        if (!root.Exists)
        {
            return null;
        }
        root.Int("id", Presence.Nullable);
        if (root.Int("account_id", Presence.Optional) is { } bodyAccount && bodyAccount != accountId)
        {
            root.Fail("account_id", $"must be the account of the URL ({accountId})");
        }
        var job = new Job
        {
            AccountId = accountId,
            ProjectId = root.Int("project_id", Presence.Required) ?? 0,
            EnvironmentId = root.Int("environment_id", Presence.Required) ?? 0,
            Name = root.String("name", Presence.Required) ?? "",
            Description = root.String("description", Presence.Nullable) ?? "",
            ExecuteSteps = ReadSteps(root) ?? [],
            DbtVersion = root.String("dbt_version", Presence.Nullable),
            State = root.Int("state", Presence.Optional) ?? EntityState.Active,
            GenerateDocs = root.Bool("generate_docs", Presence.Optional) ?? false,
            RunGenerateSources = root.Bool("run_generate_sources", Presence.Optional) ?? false,
            DeferringEnvironmentId = root.Int("deferring_environment_id", Presence.Nullable),
            TriggersOnDraftPr = root.Bool("triggers_on_draft_pr", Presence.Optional) ?? false,
            RunLint = root.Bool("run_lint", Presence.Optional) ?? false,
            ErrorsOnLintFailure = root.Bool("errors_on_lint_failure", Presence.Optional) ?? true,
            RunCompareChanges = root.Bool("run_compare_changes", Presence.Optional) ?? false,
            CompareChangesFlags = root.String("compare_changes_flags", Presence.Optional) ?? "--select state:modified",
            ForceNodeSelection = root.Bool("force_node_selection", Presence.Nullable),
            CostOptimizationFeatures = root.StringList("cost_optimization_features", Presence.Nullable) ?? [],
        };
        if (root.Has("name") && job.Name.Trim().Length == 0)
        {
            root.Fail("name", "length of value must be at least 1");
        }
        else if (job.Name.Length > MaxNameLength)
        {
            root.Fail("name", $"length of value must be at most {MaxNameLength}");
        }
        if (job.State is not (EntityState.Active or EntityState.Deleted))
        {
            root.Fail("state", "value must be one of [1, 2]");
        }

        var settings = root.Object("settings", Presence.Required);
        settings.AllowOnly("threads", "target_name");
        job.Settings = new JobSettings
        {
            Threads = settings.Int("threads", Presence.Required) ?? 1,
            TargetName = settings.String("target_name", Presence.Required) ?? "default",
        };
        if (job.Settings.Threads < 1)
        {
            settings.Fail("threads", "value must be at least 1");
        }

        var execution = root.Object("execution", Presence.Optional);
        execution.AllowOnly("timeout_seconds");
        job.Execution = new JobExecution { TimeoutSeconds = execution.Int("timeout_seconds", Presence.Optional) ?? 0 };
        if (job.Execution.TimeoutSeconds < 0)
        {
            execution.Fail("timeout_seconds", "value must be at least 0");
        }

        var triggers = root.Object("triggers", Presence.Required);
        triggers.AllowOnly("github_webhook", "schedule", "git_provider_webhook", "on_merge", "custom_branch_only");
        job.Triggers = new JobTriggers
        {
            GithubWebhook = triggers.Bool("github_webhook", Presence.Optional) ?? false,
            GitProviderWebhook = triggers.Bool("git_provider_webhook", Presence.Optional) ?? false,
            Schedule = triggers.Bool("schedule", Presence.Required) ?? false,
            OnMerge = triggers.Bool("on_merge", Presence.Optional) ?? false,
        };

        job.JobCompletionTriggerCondition = ReadCompletionTrigger(root.Object("job_completion_trigger_condition", Presence.Nullable));
        job.Schedule = ReadSchedule(root.Object("schedule", Presence.Required));
        job.JobType = root.OneOf("job_type", Presence.Nullable, JobTypes) ?? ScheduleRules.InferJobType(job.Triggers);
        job.Schedule.Cron = ScheduleRules.EffectiveCron(job);
        return job;
    }

    /// <summary>
    /// Business rules: project and environment of the account, environment and deferral environment in the project, no
    /// move between projects, on_merge alone among the triggers, and a CI or adaptive job keeps its type.
    /// </summary>
    public static List<FieldError> CheckReferences(EmulatorState state, Job job, Job? existing)
    {
        var rules = new FieldReader(DbtFieldMessages.Instance);
        void Broken(string field, string reason) => rules.Add([field], rules.Messages.Invalid(reason));
        void BrokenAt(object[] path, string reason) => rules.Add(path, rules.Messages.Invalid(reason));
        var triggers = job.Triggers;
        if (triggers.OnMerge && (triggers.Schedule || triggers.GithubWebhook || triggers.GitProviderWebhook))
        {
            var others = new[] { ("schedule", triggers.Schedule), ("github_webhook", triggers.GithubWebhook), ("git_provider_webhook", triggers.GitProviderWebhook) }
                .Where(t => t.Item2).Select(t => t.Item1);
            BrokenAt(["triggers", "on_merge"],
                $"A job that runs on merge cannot have other triggers: with on_merge true, {string.Join(" and ", others)} must be false.");
        }
        if (existing is not null && FixedTypes.Contains(existing.JobType) && job.JobType != existing.JobType)
        {
            Broken("job_type", $"the job type field for this job can only be set to '{existing.JobType}'");
        }
        if (state.Project(job.AccountId, job.ProjectId) is null)
        {
            Broken("project_id", $"Project {job.ProjectId} does not exist in account {job.AccountId}.");
        }
        else if (existing is not null && existing.ProjectId != job.ProjectId)
        {
            Broken("project_id", $"A job cannot be moved to another project (from {existing.ProjectId} to {job.ProjectId}).");
        }
        var environment = state.Environment(job.AccountId, job.EnvironmentId);
        if (environment is null)
        {
            Broken("environment_id", $"Environment {job.EnvironmentId} does not exist in account {job.AccountId}.");
        }
        else if (environment.ProjectId != job.ProjectId)
        {
            Broken("environment_id", $"Environment {job.EnvironmentId} does not belong to project {job.ProjectId}.");
        }
        if (job.DeferringEnvironmentId is { } deferring)
        {
            // Reconstructed, not documented: dbt Cloud's job form offers only the project's environments to defer to,
            // and state comparison needs the same project's manifest; the API is taken to refuse another project's.
            var deferTo = state.Environment(job.AccountId, deferring);
            if (deferTo is null)
            {
                Broken("deferring_environment_id", $"Environment {deferring} does not exist in account {job.AccountId}.");
            }
            else if (deferTo.ProjectId != job.ProjectId)
            {
                Broken("deferring_environment_id", $"Environment {deferring} does not belong to project {job.ProjectId}: a job defers to an environment of its own project.");
            }
        }
        if (job.JobCompletionTriggerCondition?.Condition is { } condition)
        {
            // dbt Cloud's docs: the upstream job may be of another project ("trigger jobs that are in other projects"),
            // but it must exist in the account, and project_id must be its project. A job does not trigger itself, and
            // a CI job (run per pull request) is no upstream: reconstructed, not documented.
            var upstream = state.Jobs.Values.FirstOrDefault(j => j.Id == condition.JobId && j.AccountId == job.AccountId && j.State == EntityState.Active);
            object[] at = ["job_completion_trigger_condition", "condition", "job_id"];
            if (upstream is null)
            {
                BrokenAt(at, $"Job {condition.JobId} does not exist in account {job.AccountId}.");
            }
            else if (existing is not null && upstream.Id == existing.Id)
            {
                BrokenAt(at, "A job cannot be triggered by its own completion.");
            }
            else if (upstream.JobType == "ci")
            {
                BrokenAt(at, $"Job {condition.JobId} is a CI job; only deploy jobs can trigger another job.");
            }
            else if (upstream.ProjectId != condition.ProjectId)
            {
                BrokenAt(["job_completion_trigger_condition", "condition", "project_id"],
                    $"Job {condition.JobId} belongs to project {upstream.ProjectId}, not {condition.ProjectId}.");
            }
        }
        return rules.Errors;
    }

    /// <summary>The run statuses a completion trigger may name: success, error, cancelled.</summary>
    private static readonly int[] FinishedStatuses = [10, 20, 30];

    private static JobCompletionTrigger? ReadCompletionTrigger(ObjectReader trigger)
    {
        if (!trigger.Exists)
        {
            return null;
        }
        trigger.AllowOnly("condition");
        var condition = trigger.Object("condition", Presence.Required);
        condition.AllowOnly("job_id", "project_id", "statuses");
        var result = new JobCompletionCondition
        {
            JobId = condition.Int("job_id", Presence.Required) ?? 0,
            ProjectId = condition.Int("project_id", Presence.Required) ?? 0,
            Statuses = condition.IntList("statuses", Presence.Required) ?? [],
        };
        if (condition.Has("statuses") && result.Statuses.Count == 0)
        {
            condition.Fail("statuses", "length of value must be at least 1");
        }
        for (var i = 0; i < result.Statuses.Count; i++)
        {
            if (!FinishedStatuses.Contains(result.Statuses[i]))
            {
                condition.Fail(["statuses", i], "value must be one of [10, 20, 30]");
            }
        }
        return new JobCompletionTrigger { Condition = result };
    }

    private static List<string>? ReadSteps(ObjectReader root)
    {
        var steps = root.StringList("execute_steps", Presence.Required);
        if (steps is null)
        {
            return null;
        }
        if (steps.Count == 0)
        {
            root.Fail("execute_steps", "length of value must be at least 1");
        }
        for (var i = 0; i < steps.Count; i++)
        {
            if (!steps[i].StartsWith("dbt ", StringComparison.Ordinal))
            {
                root.Fail(["execute_steps", i], "each step must start with 'dbt '");
            }
        }
        return steps;
    }

    private static JobSchedule ReadSchedule(ObjectReader schedule)
    {
        // schedule.cron is the server's to fill; what the client sends there is ignored.
        schedule.AllowOnly("cron", "date", "time");
        schedule.String("cron", Presence.Nullable);
        var result = new JobSchedule();

        var date = schedule.Object("date", Presence.Required);
        date.AllowOnly("type", "cron", "days");
        var dateType = date.OneOf("type", Presence.Required, ScheduleRules.DateTypes);
        result.Date.Type = dateType ?? "custom_cron";
        if (dateType is "custom_cron" or "interval_cron")
        {
            result.Date.Cron = date.String("cron", Presence.Required);
            if (result.Date.Cron is not null && ScheduleRules.CronProblem(result.Date.Cron) is { } problem)
            {
                date.Fail("cron", problem);
            }
        }
        else if (dateType == "days_of_week")
        {
            result.Date.Days = ReadRange(date, "days", 0, 6);
        }

        var time = schedule.Object("time", Presence.Required);
        time.AllowOnly("type", "interval", "hours");
        var timeType = time.OneOf("type", Presence.Required, ScheduleRules.TimeTypes);
        result.Time.Type = timeType ?? "every_hour";
        if (timeType == "every_hour")
        {
            result.Time.Interval = time.Int("interval", Presence.Required);
            if (result.Time.Interval is < 1)
            {
                time.Fail("interval", "value must be at least 1");
            }
            else if (result.Time.Interval is > 23)
            {
                time.Fail("interval", "value must be at most 23");
            }
        }
        else if (timeType == "at_exact_hours")
        {
            result.Time.Hours = ReadRange(time, "hours", 0, 23);
            if (time.Has("interval"))
            {
                time.FailExtra("interval");
            }
        }
        return result;
    }

    private static List<int>? ReadRange(ObjectReader owner, string key, int min, int max)
    {
        var values = owner.IntList(key, Presence.Required);
        if (values is null)
        {
            return null;
        }
        if (values.Count == 0)
        {
            owner.Fail(key, "length of value must be at least 1");
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] < min)
            {
                owner.Fail([key, i], $"value must be at least {min}");
            }
            else if (values[i] > max)
            {
                owner.Fail([key, i], $"value must be at most {max}");
            }
        }
        return values;
    }
}
