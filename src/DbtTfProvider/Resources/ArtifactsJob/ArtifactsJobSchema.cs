using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// The schema of <c>dbtcloud_artifacts_job</c>: a dbt Cloud job shaped for Datafold, with the defaults its setup
/// guide asks for. <c>ApiName</c> ties each attribute to the job field dbt Cloud names in a 400, so a rejected value
/// is reported at the attribute.
/// </summary>
public static class ArtifactsJobSchema
{
    public const string DefaultName = "Datafold artifacts";
    public const string DefaultCron = "0 * * * *";
    public const string DefaultStep = "dbt compile";
    public const string DefaultTargetName = "default";
    public const string StepPrefix = "dbt ";

    /// <summary>
    /// dbt Cloud keeps these counts in 32 bits. A separate check, so that a 0 reads "must be at least 1" rather than
    /// "between 1 and 2147483647".
    /// </summary>
    private static readonly FitsInt32Validator FitsInt32 = new();

    private sealed class FitsInt32Validator : KnownValueValidator
    {
        public override string Description => $"At most {int.MaxValue}.";

        protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
        {
            if (value.AsNumber() > int.MaxValue)
                context.AddError("Invalid attribute value", $"{context.AttributeName} must be at most {int.MaxValue}; got {value.AsNumber()}.");
        }
    }

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
            "and leaves the job as it is (dbt Cloud does not even let a CI or adaptive job change its type).\n\n" +
            "A job managed by dbt Labs' provider (`dbtcloud_job` of `dbt-labs/dbtcloud`) moves over without being recreated: " +
            "`moved { from = dbtcloud_job.x  to = dbtcloud_artifacts_job.x }` (Terraform 1.8+) takes its state as is, and the plan " +
            "shows only what differs from this configuration.");

        s.String("id", m => ref m.Id).Computed().UseStateForUnknown()
            .Description("The job's numeric id, as a string.");
        s.Int64("account_id", m => ref m.AccountId).Computed().UseStateForUnknown()
            .Description("The dbt Cloud account the job lives in: the provider's `account_id` when it was created or imported. A plan " +
                         "under a provider configured for another account fails, naming both, instead of taking the job for deleted.");
        s.Int64("job_id", m => ref m.JobId).Computed().UseStateForUnknown()
            .Description("The job's numeric id, as a number: use it where a job id is expected, e.g. in `datafold_dbt_integration`.");
        s.Int64("project_id", m => ref m.ProjectId).Required().RequiresReplace()
            .Description("The dbt Cloud project the job belongs to. A job cannot move between projects: changing it replaces the job.");
        s.Int64("environment_id", m => ref m.EnvironmentId).Required()
            .Description("The environment the job runs in; it must belong to `project_id`. Usually the production deployment environment. " +
                         "Changed in place.");
        s.String("name", m => ref m.Name).Optional().Default(DefaultName).LengthAtLeast(1)
            .Description($"The job's name in dbt Cloud. Defaults to `\"{DefaultName}\"`.");
        s.String("description", m => ref m.Description).Optional().Default("")
            .Description("The job's description. Defaults to an empty string. The state keeps the value as written, `\"\"` included " +
                         "(see `terraform show -json`); `terraform plan` and `terraform state show` display an empty string as `null`, " +
                         "as they do for every provider.");
        s.List("execute_steps", m => ref m.ExecuteSteps).Optional().Default(TfCollections.ListOfStrings([DefaultStep]))
            .LengthAtLeast(1)
            .Each(new StringValidator($"Starts with `{StepPrefix}`.",
                step => step.StartsWith(StepPrefix, StringComparison.Ordinal) ? null : $"must start with \"{StepPrefix}\" (a dbt command such as \"dbt compile\"); got \"{step}\"."))
            .Description($"The dbt commands the job runs, in order; at least one, each starting with `{StepPrefix}`. Defaults to `[\"{DefaultStep}\"]`; " +
                         "`dbt ls` is a faster alternative that also writes `manifest.json`.");
        s.String("schedule_cron", m => ref m.ScheduleCron).Optional().Default(DefaultCron).Validator(CronExpressionValidator.Instance)
            .ApiName("schedule")
            .Description($"When the job runs: a five-field cron expression in UTC (`minute hour day-of-month month day-of-week`). " +
                         $"Defaults to `\"{DefaultCron}\"` (every hour, at minute 0). Checked at `terraform validate`.");
        s.Bool("schedule_enabled", m => ref m.ScheduleEnabled).Optional().Default(true).ApiName("triggers.schedule")
            .Description("Whether the schedule is active. Set `false` to pause the job without deleting it, and for a merge job " +
                         "(`run_on_merge = true`). Defaults to `true`.");
        s.Bool("run_on_merge", m => ref m.RunOnMerge).Optional().Default(false).ApiName("triggers.on_merge")
            .Description("Run the job when a pull request is merged into the environment's branch (the \"merge job\" setup that " +
                         "Datafold's current guide describes), instead of on the schedule: dbt Cloud runs a merge job on merge alone, " +
                         "so `true` needs `schedule_enabled = false` (checked at `terraform validate`). Defaults to `false`.");
        s.String("dbt_version", m => ref m.DbtVersion).Optional()
            .Description("The dbt version the job runs with (e.g. `latest`, `compatible`, `1.9.0-latest`). Leave it unset to use the " +
                         "environment's version.");
        s.Int64("num_threads", m => ref m.NumThreads).Optional().Default(1).Range(1, null).Validator(FitsInt32).ApiName("settings.threads")
            .Description("The number of threads dbt uses (`--threads`). Defaults to `1`.");
        s.String("target_name", m => ref m.TargetName).Optional().Default(DefaultTargetName).LengthAtLeast(1).ApiName("settings.target_name")
            .Description($"The dbt target name (`target.name` in your project). Defaults to `\"{DefaultTargetName}\"`.");
        s.Bool("generate_docs", m => ref m.GenerateDocs).Optional().Default(false)
            .Description("Whether the job also runs `dbt docs generate`. Defaults to `false`.");
        s.Int64("timeout_seconds", m => ref m.TimeoutSeconds).Optional().Default(0).Range(0, null).Validator(FitsInt32).ApiName("execution.timeout_seconds")
            .Description("Cancel a run after this many seconds; `0` (the default) means no timeout.");
        s.Bool("trigger_run_on_create", m => ref m.TriggerRunOnCreate).Optional().Default(false)
            .Description("Start a run right after the job is created, so that a `manifest.json` exists at once instead of after the first " +
                         "scheduled run. Acts only at creation: changing it later does nothing, and it reads as `false` after import. " +
                         "If the run cannot be started the job is still created and a warning says so. Defaults to `false`.");
        s.String("job_url", m => ref m.JobUrl).Computed().UseStateForUnknown()
            .Description("The job's page in dbt Cloud's UI.");
    }
}
