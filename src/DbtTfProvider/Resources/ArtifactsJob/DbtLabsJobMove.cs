using System.Globalization;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// <c>moved { from = dbtcloud_job.x  to = dbtcloud_artifacts_job.x }</c>: takes a job as dbt Labs' provider
/// (<c>dbt-labs/dbtcloud</c>, schema version 0) stored it, so that a team can hand its artifacts job to this provider
/// without recreating it. The mapping only reads their state; the refresh that follows in the same plan reads the job
/// from dbt Cloud, and the plan then shows only what really differs from the configuration. Their fields that this
/// resource does not manage (deferral, lint, compare changes, job completion triggers, ...) stay on the job untouched.
/// </summary>
public static class DbtLabsJobMove
{
    public const string ProviderAddress = "registry.terraform.io/dbt-labs/dbtcloud";
    public const string TypeName = "dbtcloud_job";

    public static StateMoveSource<ArtifactsJobModel> Source { get; } = new(ProviderAddress, TypeName, Map) { MaxSchemaVersion = 0 };

    public static ArtifactsJobModel Map(JsonState s)
    {
        // Their `id` is a number (plugin framework) or a string (older SDKv2 releases); `job_id` is the same number.
        var jobId = s.Int64("job_id") is { IsKnown: true } j ? j : s.Int64("id");
        if (!jobId.IsKnown)
            throw new ResourceException("Cannot move this job", "The dbtcloud_job state has neither job_id nor id, so the dbt Cloud job it manages is unknown.");

        var triggers = s.Object("triggers");
        var jobType = s.String("job_type").ValueOrNull;
        var runsOnPullRequests = triggers?.Bool("github_webhook").ValueOrNull == true || triggers?.Bool("git_provider_webhook").ValueOrNull == true;
        if (runsOnPullRequests || JobTypes.IsFixed(jobType))
            throw new ResourceException("Cannot move this job",
                (runsOnPullRequests || jobType == JobTypes.Ci
                    ? $"dbt Cloud job {jobId.Value} is a CI job (it runs on pull requests{(jobType is null ? "" : $", job_type \"{jobType}\"")}): "
                    : $"dbt Cloud job {jobId.Value} is a job of type \"{jobType}\": ") +
                "dbtcloud_artifacts_job manages the scheduled or merge job that produces the production artifacts, and writing that over " +
                "a job of another type would change what it is (dbt Cloud does not even let a CI job change its type). Keep this job with " +
                "dbt Labs' provider, and remove the moved block.");

        return new ArtifactsJobModel
        {
            Id = NumericIds.Format(jobId.Value),
            JobId = jobId,
            ProjectId = s.Int64("project_id"),
            EnvironmentId = s.Int64("environment_id"),
            Name = s.String("name"),
            Description = s.String("description") is { IsKnown: true } d ? d : "",
            ExecuteSteps = s.StringList("execute_steps"),
            ScheduleCron = CronOf(s),
            ScheduleEnabled = triggers?.Bool("schedule") is { IsKnown: true } schedule ? schedule : false,
            RunOnMerge = triggers?.Bool("on_merge") is { IsKnown: true } onMerge ? onMerge : false,
            DbtVersion = s.String("dbt_version"),
            NumThreads = s.Int64("num_threads") is { IsKnown: true } threads ? threads : 1,
            TargetName = s.String("target_name") is { IsKnown: true } target ? target : ArtifactsJobSchema.DefaultTargetName,
            GenerateDocs = s.Bool("generate_docs") is { IsKnown: true } docs ? docs : false,
            // `execution.timeout_seconds` replaced the top-level `timeout_seconds`; a state may hold either.
            TimeoutSeconds = s.Object("execution")?.Int64("timeout_seconds") is { IsKnown: true } t ? t
                : s.Int64("timeout_seconds") is { IsKnown: true } top ? top : 0,
            // A create-time action: the job exists already.
            TriggerRunOnCreate = false,
            // account_id is recorded and job_url set by the refresh that follows.
        };
    }

    /// <summary>
    /// Their schedule as a cron: <c>schedule_cron</c> for a custom cron, otherwise the cron their <c>schedule_type</c>,
    /// <c>schedule_hours</c>/<c>schedule_interval</c> and <c>schedule_days</c> stand for. The refresh replaces it with the
    /// cron dbt Cloud reports, so this only matters for <c>-refresh=false</c>.
    /// </summary>
    private static TfString CronOf(JsonState s)
    {
        if (s.String("schedule_cron") is { IsKnown: true } cron && cron.Value.Length > 0) return cron;
        var hours = s.Int64List("schedule_hours") is { Count: > 0 } h
            ? string.Join(',', h.Select(x => x.ToString(CultureInfo.InvariantCulture)))
            : s.Int64("schedule_interval") is { IsKnown: true, Value: > 1 } interval ? string.Create(CultureInfo.InvariantCulture, $"*/{interval.Value}") : "*";
        var days = s.String("schedule_type").ValueOrNull == "days_of_week" && s.Int64List("schedule_days") is { Count: > 0 } d
            ? string.Join(',', d.Select(x => x.ToString(CultureInfo.InvariantCulture)))
            : "*";
        return $"0 {hours} * * {days}";
    }
}
