using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.Jobs;

/// <summary>
/// A job as dbt Labs' provider (<c>dbt-labs/dbtcloud</c>, <c>dbtcloud_job</c>, schema version 0) stores it, read for a
/// <c>moved</c> block into one of this provider's job resources. The mapping only reads their state; the refresh that
/// follows in the same plan reads the job from dbt Cloud, and the plan then shows only what really differs from the
/// configuration. Their fields the target resource does not manage stay on the job untouched.
/// </summary>
public static class DbtLabsJobState
{
    public const string ProviderAddress = "registry.terraform.io/dbt-labs/dbtcloud";
    public const string TypeName = "dbtcloud_job";

    /// <summary>A move source of <c>dbtcloud_job</c> into <typeparamref name="TModel"/>.</summary>
    public static StateMoveSource<TModel> Source<TModel>(Func<JsonState, TModel> map) where TModel : class, new() =>
        new(ProviderAddress, TypeName, map) { MaxSchemaVersion = 0 };

    /// <summary>The fields every job resource shares; the caller adds its own.</summary>
    public static TModel MapShared<TModel>(JsonState s) where TModel : JobModel, new()
    {
        // Their `id` is a number (plugin framework) or a string (older SDKv2 releases); `job_id` is the same number.
        var jobId = s.Int64("job_id") is { IsKnown: true } j ? j : s.Int64("id");
        if (!jobId.IsKnown)
            throw new ResourceException("Cannot move this job", "The dbtcloud_job state has neither job_id nor id, so the dbt Cloud job it manages is unknown.");
        return new TModel
        {
            Id = NumericIds.Format(jobId.Value),
            JobId = jobId,
            ProjectId = s.Int64("project_id"),
            EnvironmentId = s.Int64("environment_id"),
            Name = s.String("name"),
            Description = s.String("description") is { IsKnown: true } d ? d : "",
            ExecuteSteps = s.StringList("execute_steps"),
            DbtVersion = s.String("dbt_version"),
            NumThreads = s.Int64("num_threads") is { IsKnown: true } threads ? threads : 1,
            TargetName = s.String("target_name") is { IsKnown: true } target ? target : JobSchema.DefaultTargetName,
            // `execution.timeout_seconds` replaced the top-level `timeout_seconds`; a state may hold either.
            TimeoutSeconds = s.Object("execution")?.Int64("timeout_seconds") is { IsKnown: true } t ? t
                : s.Int64("timeout_seconds") is { IsKnown: true } top ? top : 0,
            // account_id is recorded and job_url set by the refresh that follows.
        };
    }

    /// <summary>Their <c>job_type</c>, when their state records one.</summary>
    public static string? JobType(JsonState s) => s.String("job_type").ValueOrNull;

    /// <summary>Whether their job is a CI job: of type "ci", or (older states without a type) run on pull requests.</summary>
    public static bool IsCi(JsonState s)
    {
        var triggers = s.Object("triggers");
        return JobType(s) == JobTypes.Ci
               || (JobType(s) is null && (triggers?.Bool("github_webhook").ValueOrNull == true || triggers?.Bool("git_provider_webhook").ValueOrNull == true));
    }

    /// <summary>A bool of their state, or <paramref name="otherwise"/> when it is not recorded.</summary>
    public static TfBool Bool(JsonState s, string name, bool otherwise) => s.Bool(name) is { IsKnown: true } b ? b : otherwise;
}
