using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.Jobs;

/// <summary>
/// The schema lines every job resource shares (<see cref="JobModel"/>'s fields), declared once. Each setting's
/// <c>ApiName</c> (its own name when none is given) is the job field it is sent as, read back from and named by in a
/// dbt Cloud 400 (<c>ApiObjectMapping</c>).
/// </summary>
public static class JobSchema
{
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

    public static void Define<TModel>(ResourceSchemaBuilder<TModel> s, JobKind kind) where TModel : JobModel, new()
    {
        s.String("id", m => ref m.Id).Computed().UseStateForUnknown()
            .Description($"The {kind.Noun}'s numeric id, as a string.");
        s.Int64("account_id", m => ref m.AccountId).Computed().UseStateForUnknown()
            .Description($"The dbt Cloud account the {kind.Noun} lives in: the provider's `account_id` when it was created or imported. A plan " +
                         $"under a provider configured for another account fails, naming both, instead of taking the {kind.Noun} for deleted.");
        s.Int64("job_id", m => ref m.JobId).Computed().UseStateForUnknown()
            .Description($"The {kind.Noun}'s numeric id, as a number: use it where a job id is expected, e.g. in `datafold_dbt_integration`.");
        s.Int64("project_id", m => ref m.ProjectId).Required().Range(1, null).RequiresReplace()
            .Description($"The dbt Cloud project the {kind.Noun} belongs to. A job cannot move between projects: changing it replaces the {kind.Noun}.");
        s.Int64("environment_id", m => ref m.EnvironmentId).Required().Range(1, null)
            .Description($"The environment the {kind.Noun} runs in; it must belong to `project_id`. {kind.EnvironmentAdvice} Changed in place.");
        s.String("name", m => ref m.Name).Optional().Default(kind.DefaultName).ObjectName(JobsClient.MaxNameLength)
            .Description($"The {kind.Noun}'s name in dbt Cloud. Defaults to `\"{kind.DefaultName}\"`.");
        s.String("description", m => ref m.Description).Optional().Default("")
            .Description($"The {kind.Noun}'s description. Defaults to an empty string. The state keeps the value as written, `\"\"` included " +
                         "(see `terraform show -json`); `terraform plan` and `terraform state show` display an empty string as `null`, " +
                         "as they do for every provider.");
        s.List("execute_steps", m => ref m.ExecuteSteps).Optional().Default(TfCollections.ListOfStrings([kind.DefaultStep]))
            .LengthAtLeast(1)
            .Each(new StringValidator($"Starts with `{StepPrefix}`.",
                step => step.StartsWith(StepPrefix, StringComparison.Ordinal) ? null : $"must start with \"{StepPrefix}\" (a dbt command such as \"dbt compile\"); got {DisplayText.Quote(step)}."))
            .Description($"The dbt commands the {kind.Noun} runs, in order; at least one, each starting with `{StepPrefix}`. " +
                         $"Defaults to `[\"{kind.DefaultStep}\"]`{kind.StepsAdvice}");
        s.String("dbt_version", m => ref m.DbtVersion).Optional()
            .Description($"The dbt version the {kind.Noun} runs with (e.g. `latest`, `compatible`, `1.9.0-latest`). Leave it unset to use the " +
                         "environment's version.");
        s.Int64("num_threads", m => ref m.NumThreads).Optional().Default(1).Range(1, null).Validator(FitsInt32).ApiName("settings.threads")
            .Description("The number of threads dbt uses (`--threads`). Defaults to `1`.");
        s.String("target_name", m => ref m.TargetName).Optional().Default(DefaultTargetName).LengthAtLeast(1).ApiName("settings.target_name")
            .Description($"The dbt target name (`target.name` in your project). Defaults to `\"{DefaultTargetName}\"`.");
        s.Int64("timeout_seconds", m => ref m.TimeoutSeconds).Optional().Default(0).Range(0, null).Validator(FitsInt32).ApiName("execution.timeout_seconds")
            .Description("Cancel a run after this many seconds; `0` (the default) means no timeout.");
        s.String("job_url", m => ref m.JobUrl).Computed().UseStateForUnknown()
            .Description($"The {kind.Noun}'s page in dbt Cloud's UI.");
    }
}
