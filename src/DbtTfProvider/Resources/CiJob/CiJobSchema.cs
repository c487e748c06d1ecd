using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.CiJob;

/// <summary>
/// The schema of <c>dbtcloud_ci_job</c>: dbt Cloud's CI job, the "job that builds pull requests" of a Datafold
/// integration. The shared job lines are <see cref="JobSchema"/>'s; each setting's <c>ApiName</c> (its own name when
/// none is given) is the job field it is sent as and read back from. Defaults are dbt Cloud's own for a CI job.
/// </summary>
public static class CiJobSchema
{
    public const string DefaultName = "Pull request CI";
    public const string DefaultStep = "dbt build --select state:modified+";
    public const string DefaultCompareChangesFlags = "--select state:modified";

    public static readonly JobKind Kind = new()
    {
        Noun = "CI job", WritesCiJobs = true, DefaultName = DefaultName, DefaultStep = DefaultStep,
        EnvironmentAdvice = "It must be a deployment environment (dbt Cloud runs CI jobs in one, usually a dedicated CI environment); checked at plan.",
        StepsAdvice = ": build what the pull request changed and what depends on it, deferring to `deferring_environment_id` for the rest.",
    };

    public static void Define(ResourceSchemaBuilder<CiJobModel> s)
    {
        s.Description(
            "dbt Cloud's CI job: it runs when a pull request is opened or updated, builds what the pull request changed into a schema of its " +
            "own, and defers to the production environment for the rest. This is the middle step of Datafold's dbt Cloud prerequisites " +
            "(\"Set up dbt Cloud CI\"); name it as the \"job that builds pull requests\" of a `datafold_dbt_integration` " +
            "(`pull_request_job_id = dbtcloud_ci_job.this.job_id`).\n\n" +
            "On the wire it is a job of `job_type = \"ci\"` triggered by pull requests (`github_webhook` and `git_provider_webhook`), never by " +
            "a schedule or on merge, and it sends no state-aware orchestration fields (dbt Cloud refuses them on CI jobs). Every setting is " +
            "read back on refresh, so a change made in dbt Cloud's UI (the pull-request trigger switched off, another deferral) shows up in " +
            "`terraform plan` on the attribute it touched, and apply puts it back.\n\n" +
            "`terraform plan` checks that both environments belong to `project_id`, that `environment_id` is a deployment environment and that " +
            "`deferring_environment_id` is the production one.\n\n" +
            "Import with the numeric job id: `terraform import dbtcloud_ci_job.this 12345`; a job that is not a CI job is refused (manage a " +
            "scheduled or merge job with `dbtcloud_artifacts_job`). A CI job managed by dbt Labs' provider moves over without being " +
            "recreated: `moved { from = dbtcloud_job.x  to = dbtcloud_ci_job.x }` (Terraform 1.8+).");

        JobSchema.Define(s, Kind);

        s.Int64("deferring_environment_id", m => ref m.DeferringEnvironmentId).Required().Range(1, null)
            .Description("The production environment the CI job compares against: `state:modified` selection and deferral read its latest " +
                         "artifacts. It must be a deployment environment of deployment type production in `project_id` (checked at plan).");
        s.Bool("run_on_pull_requests", m => ref m.RunOnPullRequests).Optional().Default(true)
            .ApiName("triggers.github_webhook").ApiConverter(PullRequestTriggerConverter.Instance)
            .Description("Run the CI job when a pull request is opened or updated (dbt Cloud's \"Triggered by pull requests\"). Set `false` to " +
                         "pause it without deleting it (it then runs only when started through the API). Defaults to `true`.");
        s.Bool("triggers_on_draft_pr", m => ref m.TriggersOnDraftPr).Optional().Default(false)
            .Description("Also run on draft pull requests. Defaults to `false`, as in dbt Cloud.");
        s.Bool("run_compare_changes", m => ref m.RunCompareChanges).Optional().Default(false)
            .Description("Advanced CI: compare the pull request's models with production (`dbt compare`) and show the differences in dbt " +
                         "Cloud. Needs an Enterprise or Team plan with Advanced CI on. Defaults to `false`.");
        s.String("compare_changes_flags", m => ref m.CompareChangesFlags).Optional().Default(DefaultCompareChangesFlags).LengthAtLeast(1)
            .Description($"The selection `run_compare_changes` compares. Defaults to `\"{DefaultCompareChangesFlags}\"`, as in dbt Cloud.");
        s.Bool("run_lint", m => ref m.RunLint).Optional().Default(false)
            .Description("Lint the SQL the pull request changed (SQLFluff) before building it. Defaults to `false`.");
        s.Bool("errors_on_lint_failure", m => ref m.ErrorsOnLintFailure).Optional().Default(true)
            .Description("With `run_lint`, fail the run when linting finds problems (otherwise they are reported and the build goes on). " +
                         "Defaults to `true`, as in dbt Cloud.");
    }
}
