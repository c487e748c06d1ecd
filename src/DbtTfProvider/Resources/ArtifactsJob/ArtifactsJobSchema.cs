using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// The schema of <c>dbtcloud_artifacts_job</c>: a dbt Cloud job shaped for Datafold, with the defaults its setup
/// guide asks for. Each setting is declared once, here: its <c>ApiName</c> (its own name when none is given) is the job
/// field it is sent as and read back from (<c>ApiObjectMapping</c>), and the field dbt Cloud names in a 400, so a rejected
/// value is reported at the attribute.
/// </summary>
public static class ArtifactsJobSchema
{
    public const string DefaultName = "Datafold artifacts";
    public const string DefaultCron = "0 * * * *";
    public const string DefaultStep = "dbt compile";

    /// <summary>The shared job lines (<see cref="JobSchema"/>) in this resource's words and defaults.</summary>
    public static readonly JobKind Kind = new()
    {
        Noun = "job", WritesCiJobs = false, DefaultName = DefaultName, DefaultStep = DefaultStep,
        EnvironmentAdvice = "Usually the production deployment environment.",
        StepsAdvice = "; `dbt ls` is a faster alternative that also writes `manifest.json`.",
    };

    public static void Define(ResourceSchemaBuilder<ArtifactsJobModel> s)
    {
        s.Description(
            "A dbt Cloud job that produces the dbt artifacts (`manifest.json`) Datafold compares pull requests against: by default " +
            "`dbt compile`, every hour, in a deployment environment. Name it as the \"job that creates dbt artifacts\" of a " +
            "`datafold_dbt_integration`.\n\n" +
            "Datafold's current guide runs `dbt ls` on merge to the production branch instead: set `execute_steps = [\"dbt ls\"]`, " +
            "`run_on_merge = true` and `schedule_enabled = false` (dbt Cloud runs a merge job on merge alone, so `run_on_merge = true` " +
            "with the schedule on is refused at `terraform validate`). Either kind can be turned into the other in place.\n\n" +
            "Every setting is read back on refresh, so a change made in dbt Cloud's UI shows up in `terraform plan` on the attribute " +
            "it touched. Settings of the job that this resource does not manage (deferral, lint, compare changes, ...) are kept as they are " +
            "on every update.\n\n" +
            "Import with the numeric job id: `terraform import dbtcloud_artifacts_job.this 12345`. Only a scheduled, merge or other job can be " +
            "managed: a plan that would update a job of another type (`ci`, `adaptive`, `exposure_sync`, `hybrid`) fails, naming the type, " +
            "and leaves the job as it is (dbt Cloud does not even let a CI or adaptive job change its type); a CI job belongs to `dbtcloud_ci_job`.\n\n" +
            "A job managed by dbt Labs' provider (`dbtcloud_job` of `dbt-labs/dbtcloud`) moves over without being recreated: " +
            "`moved { from = dbtcloud_job.x  to = dbtcloud_artifacts_job.x }` (Terraform 1.8+) takes its state as is, and the plan " +
            "shows only what differs from this configuration.");

        JobSchema.Define(s, Kind);

        s.String("schedule_cron", m => ref m.ScheduleCron).Optional().Default(DefaultCron).Validator(CronExpressionValidator.Instance)
            .ApiName("schedule").ApiConverter(JobScheduleConverter.Instance)
            .Description($"When the job runs: a five-field cron expression in UTC (`minute hour day-of-month month day-of-week`). " +
                         $"Defaults to `\"{DefaultCron}\"` (every hour, at minute 0). `L` as the day of month means the last day " +
                         "of the month (`0 0 L * *`); dbt Cloud's scheduler takes no other special character (`W`, `#`, `?`), and an " +
                         "expression that never fires (`0 0 31 2 *`) is refused too. Checked at `terraform validate`.");
        s.Bool("schedule_enabled", m => ref m.ScheduleEnabled).Optional().Default(true).ApiName("triggers.schedule")
            .Description("Whether the schedule is active. Set `false` to pause the job without deleting it, and for a merge job " +
                         "(`run_on_merge = true`). Defaults to `true`.");
        s.Bool("run_on_merge", m => ref m.RunOnMerge).Optional().Default(false).ApiName("triggers.on_merge")
            .Description("Run the job when a pull request is merged into the environment's branch (the \"merge job\" setup that " +
                         "Datafold's current guide describes), instead of on the schedule: dbt Cloud runs a merge job on merge alone, " +
                         "so `true` needs `schedule_enabled = false` (checked at `terraform validate`). Defaults to `false`.");
        s.Bool("generate_docs", m => ref m.GenerateDocs).Optional().Default(false)
            .Description("Whether the job also runs `dbt docs generate`. Defaults to `false`.");
        s.Bool("run_generate_sources", m => ref m.RunGenerateSources).Optional().Default(false)
            .Description("Whether the job also runs `dbt source freshness` (dbt Cloud's \"Run source freshness\" option), so that " +
                         "its artifacts include `sources.json`. Defaults to `false`.");
        s.Int64("run_after_job_id", m => ref m.RunAfterJobId).Optional().Range(1, null).ApiName("job_completion_trigger_condition.condition.job_id")
            .Description("Also run the job when another job finishes (dbt Cloud's \"Run when another job finishes\", its job completion trigger): " +
                         "the upstream job's id, e.g. the production job, so that the artifacts are made right after production. The upstream " +
                         "job may belong to another project of the account (dbt Cloud allows it; the trigger records that job's own project, " +
                         "which the provider looks up). `terraform plan` refuses a job that does not exist in the account, a CI job, and the " +
                         "job itself. Leave it unset for no such trigger.");
        s.Set("run_after_statuses", m => ref m.RunAfterStatuses).Optional()
            .Default(TfCollections.SetOfStrings(RunStatusesConverter.DefaultStatuses)).Validator(new LengthAtLeastValidator(1))
            .Each(new OneOfValidator([.. RunStatusesConverter.Statuses.Select(st => st.Name)]))
            .ApiName(RunStatusesConverter.Path).ApiConverter(RunStatusesConverter.Instance)
            .Description("With `run_after_job_id`: the upstream run's outcomes that start this job, any of `success`, `error` and " +
                         "`cancelled`. Defaults to `[\"success\"]`.");
        s.Bool("trigger_run_on_create", m => ref m.TriggerRunOnCreate).Optional().Default(false).LocalOnly()
            .Description("Start a run right after the job is created, so that a `manifest.json` exists at once instead of after the first " +
                         "scheduled run. Acts only at creation: changing it later does nothing, and it reads as `false` after import. " +
                         "If the run cannot be started the job is still created and a warning says so. Defaults to `false`.");
    }
}
