using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.CiJob;

/// <summary>
/// <c>moved { from = dbtcloud_job.x  to = dbtcloud_ci_job.x }</c>: takes a CI job as dbt Labs' provider stored it
/// (<see cref="DbtLabsJobState"/>). Any other job is refused and named for <c>dbtcloud_artifacts_job</c>.
/// </summary>
public static class DbtLabsCiJobMove
{
    public static StateMoveSource<CiJobModel> Source { get; } = DbtLabsJobState.Source(Map);

    public static CiJobModel Map(JsonState s)
    {
        var model = DbtLabsJobState.MapShared<CiJobModel>(s);
        if (!DbtLabsJobState.IsCi(s))
            throw new ResourceException("Cannot move this job",
                $"dbt Cloud job {model.JobId.Value} is not a CI job (job_type \"{DbtLabsJobState.JobType(s)}\", not run on pull requests): " +
                $"{CiJobResource.Type} manages CI jobs only. Move a scheduled or merge job to dbtcloud_artifacts_job instead.");

        var triggers = s.Object("triggers");
        model.DeferringEnvironmentId = s.Int64("deferring_environment_id");
        model.RunOnPullRequests = triggers?.Bool("github_webhook").ValueOrNull == true && triggers.Bool("git_provider_webhook").ValueOrNull == true;
        model.TriggersOnDraftPr = DbtLabsJobState.Bool(s, "triggers_on_draft_pr", false);
        model.RunCompareChanges = DbtLabsJobState.Bool(s, "run_compare_changes", false);
        model.CompareChangesFlags = s.String("compare_changes_flags") is { IsKnown: true } flags ? flags : CiJobSchema.DefaultCompareChangesFlags;
        model.RunLint = DbtLabsJobState.Bool(s, "run_lint", false);
        model.ErrorsOnLintFailure = DbtLabsJobState.Bool(s, "errors_on_lint_failure", true);
        return model;
    }
}
