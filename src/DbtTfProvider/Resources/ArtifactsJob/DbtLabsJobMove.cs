using System.Globalization;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// <c>moved { from = dbtcloud_job.x  to = dbtcloud_artifacts_job.x }</c>: takes a scheduled or merge job as dbt Labs'
/// provider stored it (<see cref="DbtLabsJobState"/>), so that a team can hand its artifacts job to this provider without
/// recreating it. A CI job is refused here and named for <c>dbtcloud_ci_job</c>.
/// </summary>
public static class DbtLabsJobMove
{
    public static StateMoveSource<ArtifactsJobModel> Source { get; } = DbtLabsJobState.Source(Map);

    public static ArtifactsJobModel Map(JsonState s)
    {
        var model = DbtLabsJobState.MapShared<ArtifactsJobModel>(s);
        var jobType = DbtLabsJobState.JobType(s);
        var isCi = DbtLabsJobState.IsCi(s);
        if (JobTypes.IsFixed(jobType) || isCi)
            throw new ResourceException("Cannot move this job",
                (isCi || jobType == JobTypes.Ci
                    ? $"dbt Cloud job {model.JobId.Value} is a CI job (job_type \"{jobType ?? JobTypes.Ci}\"): "
                    : $"dbt Cloud job {model.JobId.Value} is a job of type \"{jobType}\": ") +
                "dbtcloud_artifacts_job manages the scheduled or merge job that produces the production artifacts, and dbt Cloud does not " +
                "let such a job change its type. Move a CI job to dbtcloud_ci_job instead (moved { to = dbtcloud_ci_job.x }); keep a job " +
                "of another type with dbt Labs' provider and remove the moved block.");

        var triggers = s.Object("triggers");
        model.ScheduleCron = CronOf(s);
        model.ScheduleEnabled = triggers?.Bool("schedule") is { IsKnown: true } schedule ? schedule : false;
        model.RunOnMerge = triggers?.Bool("on_merge") is { IsKnown: true } onMerge ? onMerge : false;
        model.GenerateDocs = DbtLabsJobState.Bool(s, "generate_docs", false);
        model.RunGenerateSources = DbtLabsJobState.Bool(s, "run_generate_sources", false);
        // Their job_completion_trigger_condition: a set of at most one block, statuses by name as ours.
        var condition = s.Elements("job_completion_trigger_condition") is [var first, ..] ? new JsonState(first, s.PathOf("job_completion_trigger_condition")) : null;
        model.RunAfterJobId = condition?.Int64("job_id") ?? default;
        model.RunAfterStatuses = TfCollections.SetOfStrings(condition?.StringList("statuses") is { IsKnown: true } statuses ? statuses.Values() : RunStatusesConverter.DefaultStatuses);
        // A create-time action: the job exists already.
        model.TriggerRunOnCreate = false;
        return model;
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
