using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.CiJob;

/// <summary>
/// <c>dbtcloud_ci_job</c>: dbt Cloud's CI job, the job that builds pull requests for Datafold to diff (the shared
/// create, read, update and delete: <see cref="JobResource{TModel}"/>). It writes a job of type "ci" triggered by
/// pull requests only, and refuses to manage any other kind of job.
/// </summary>
public sealed class CiJobResource : JobResource<CiJobModel>, IMovableResource<CiJobModel>
{
    public const string Type = "dbtcloud_ci_job";

    public override string TypeName => Type;

    /// <summary>A <c>moved</c> block may take dbt Labs' <c>dbtcloud_job</c> when it is a CI job (see <see cref="DbtLabsCiJobMove"/>).</summary>
    public IReadOnlyList<StateMoveSource<CiJobModel>> MoveSources { get; } = [DbtLabsCiJobMove.Source];

    protected override void DefineSchema(ResourceSchemaBuilder<CiJobModel> schema) => CiJobSchema.Define(schema);

    protected override JobKind Kind => CiJobSchema.Kind;

    /// <summary>
    /// One read of the project's environments: the CI job's own environment is a deployment environment of the project,
    /// the deferring one the project's production environment (dbt Cloud defers to the same project's artifacts).
    /// </summary>
    public override IReadOnlyList<ServiceCheck<CiJobModel, DbtCloudClient>> ServiceChecks { get; } =
        [new(["project_id", "environment_id", "deferring_environment_id"], CheckEnvironmentsAsync)];

    private static async Task CheckEnvironmentsAsync(ServiceCheckContext<CiJobModel, DbtCloudClient> context)
    {
        if (await ProjectEnvironments.ReadAsync(context) is not { } environments) return;
        if (environments.Find(context, "environment_id", context.Plan.EnvironmentId.Value) is { } own && own.Type != "deployment")
            environments.WrongKind(context, "environment_id", own, "a CI job runs in a deployment environment");
        if (environments.Find(context, "deferring_environment_id", context.Plan.DeferringEnvironmentId.Value) is { } production
            && (production.Type != "deployment" || production.DeploymentType != "production"))
            environments.WrongKind(context, "deferring_environment_id", production,
                "a CI job defers to the project's production environment (a deployment environment of deployment type production), whose artifacts state:modified compares against");
    }

    /// <summary>Only a CI job: anything else belongs to <c>dbtcloud_artifacts_job</c>, and dbt Cloud would not let it become a CI job.</summary>
    protected override void CheckRead(DbtJob job)
    {
        if (job.JobType != JobTypes.Ci)
            throw new ResourceException("Not a CI job",
                $"dbt Cloud job {job.Id} (\"{job.Name}\") is a{(job.JobType is JobTypes.Other or JobTypes.Adaptive ? "n" : "")} {job.JobType ?? "untyped"} job " +
                $"(job_type \"{job.JobType}\"), not a CI job, and dbt Cloud does not let a job change its type to CI. {Type} manages CI jobs only: " +
                "manage a scheduled or merge job with dbtcloud_artifacts_job (import it there), and let this resource create its own CI job.");
    }

    protected override void CompleteWrite(CiJobModel plan, DbtJob written)
    {
        // The pull-request triggers are the setting run_on_pull_requests; a CI job never runs on a schedule or on merge.
        written.Triggers.Schedule = false;
        written.Triggers.OnMerge = false;
        written.JobType = JobTypes.Ci;
    }
}
