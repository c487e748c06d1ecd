using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;
using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// <c>dbtcloud_artifacts_job</c>: the dbt Cloud job whose runs leave the production <c>manifest.json</c> that Datafold
/// diffs against: a scheduled, merge or other job (the shared create, read, update and delete: <see cref="JobResource{TModel}"/>).
/// </summary>
public sealed class ArtifactsJobResource : JobResource<ArtifactsJobModel>, IMovableResource<ArtifactsJobModel>
{
    public override string TypeName => "dbtcloud_artifacts_job";

    /// <summary>A <c>moved</c> block may take dbt Labs' <c>dbtcloud_job</c> (see <see cref="DbtLabsJobMove"/>).</summary>
    public IReadOnlyList<StateMoveSource<ArtifactsJobModel>> MoveSources { get; } = [DbtLabsJobMove.Source];

    protected override void DefineSchema(ResourceSchemaBuilder<ArtifactsJobModel> schema) => ArtifactsJobSchema.Define(schema);

    protected override JobKind Kind => ArtifactsJobSchema.Kind;

    /// <summary>
    /// dbt Cloud runs a merge job on merge alone: with <c>triggers.on_merge</c> every other trigger must be off. Refused
    /// here, before any API call, rather than turned off silently: <c>schedule_enabled</c> defaults to true.
    /// </summary>
    public override void ValidateConfig(ValidateConfigContext<ArtifactsJobModel> context)
    {
        var config = context.Config;
        if (config.RunOnMerge.IsKnown && config.RunOnMerge.Value && !config.ScheduleEnabled.IsUnknown && config.ScheduleEnabled.ValueOrNull != false)
            context.Diagnostics.AddAttributeError(CtyPath.Attribute("schedule_enabled"), "Conflicting attributes",
                "run_on_merge = true needs schedule_enabled = false: dbt Cloud runs a merge job on merge alone and refuses one that also " +
                $"runs on a schedule{(config.ScheduleEnabled.IsNull ? " (schedule_enabled defaults to true)" : "")}. " +
                "Set schedule_enabled = false for the merge job, or remove run_on_merge for the hourly job.");
    }

    /// <summary>
    /// A job of a type this resource does not write (ci, adaptive, exposure_sync, hybrid: <see cref="JobTypes.IsFixed"/>;
    /// imported, say) is not turned into the scheduled or merge job this resource writes. The plan says so instead of the
    /// apply failing half-way.
    /// </summary>
    public override Task ModifyPlanAsync(ModifyPlanContext<ArtifactsJobModel, DbtCloudClient> context)
    {
        if (context.Prior is { } prior && JobTypes.IsFixed(context.Private.Get(JobTypeKey)) && !Schema.ApiObject.SameSettings(context.Plan, prior))
            context.Diagnostics.AddError("Job type cannot change", FixedTypeDetail(prior.JobId.ValueOrNull, context.Private.Get(JobTypeKey)!));
        return Task.CompletedTask;
    }

    private static string FixedTypeDetail(long? jobId, string jobType) =>
        $"dbt Cloud job {jobId} is a{("aeiou".Contains(jobType[0], StringComparison.Ordinal) ? "n" : "")} {jobType} job (job_type \"{jobType}\"): this " +
        "resource writes a scheduled, merge or other job, and writing that over a job of another type would change what it is " +
        "(dbt Cloud does not even let a ci or adaptive job change its type), so it does not update it. Leave the job as it " +
        "is in dbt Cloud and remove it from Terraform's state (terraform state rm, or a removed block), then let this resource create " +
        "its own job, or import a deployment job instead.";

    /// <summary>dbt Cloud refuses a job whose environment belongs to another project: the plan says so already.</summary>
    public override IReadOnlyList<ServiceCheck<ArtifactsJobModel, DbtCloudClient>> ServiceChecks { get; } =
        [new(["project_id", "environment_id"], CheckEnvironmentAsync), new(["run_after_job_id"], CheckUpstreamJobAsync)];

    /// <summary>The upstream job of <c>run_after_job_id</c>: one read; dbt Cloud refuses a missing one, a CI job and the job itself.</summary>
    private static async Task CheckUpstreamJobAsync(ServiceCheckContext<ArtifactsJobModel, DbtCloudClient> context)
    {
        if (context.Plan.RunAfterJobId.ValueOrNull is not { } upstreamId) return;
        if (upstreamId == context.Plan.JobId.ValueOrNull)
        {
            context.Fail("run_after_job_id", "A job cannot run after itself", $"run_after_job_id {upstreamId} is this job's own id: dbt Cloud refuses a job triggered by its own completion. Nothing was written.");
            return;
        }
        var upstream = await UpstreamJobAsync(context.Client, upstreamId, context.CancellationToken);
        if (upstream is null)
            context.Fail("run_after_job_id", "Upstream job not found",
                $"run_after_job_id {upstreamId}: dbt Cloud account {context.Client.AccountId} has no active job {upstreamId} that the provider's token can see. " +
                "Use the number in the upstream job's URL (…/jobs/12345). Nothing was written.");
        else if (upstream.JobType == JobTypes.Ci)
            context.Fail("run_after_job_id", "Upstream job is a CI job",
                $"run_after_job_id {upstreamId} is the CI job \"{upstream.Name}\": it runs per pull request, and dbt Cloud only lets a deploy job " +
                "trigger another. Name the production job instead. Nothing was written.");
    }

    /// <summary>The upstream job, or null when dbt Cloud answers that there is none (404 in its words, or deleted).</summary>
    private static async Task<DbtJob?> UpstreamJobAsync(DbtCloudClient client, long jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Jobs.GetAsync(jobId, cancellationToken);
        }
        catch (Exception e) when (e is ObjectGoneException || (e is DbtCloudApiException api && api.IsServiceNotFound))
        {
            return null;
        }
    }

    /// <summary>
    /// The completion trigger's project is the upstream job's own (read, never asked for); without <c>run_after_job_id</c>
    /// there is no trigger at all.
    /// </summary>
    protected override async Task CompleteBodyAsync(ArtifactsJobModel plan, JsonObject body, DbtCloudClient client, CancellationToken cancellationToken)
    {
        if (plan.RunAfterJobId.ValueOrNull is not { } upstreamId)
        {
            body[TriggerField] = null;
            return;
        }
        var upstream = await UpstreamJobAsync(client, upstreamId, cancellationToken)
                       ?? throw new ResourceException("Upstream job not found", $"run_after_job_id {upstreamId}: dbt Cloud has no active job {upstreamId}.");
        body[TriggerField]!["condition"]!["project_id"] = upstream.ProjectId;
    }

    private const string TriggerField = "job_completion_trigger_condition";

    private static async Task CheckEnvironmentAsync(ServiceCheckContext<ArtifactsJobModel, DbtCloudClient> context)
    {
        if (await ProjectEnvironments.ReadAsync(context) is { } environments)
            environments.Find(context, "environment_id", context.Plan.EnvironmentId.Value);
    }

    protected override async Task OnCreatedAsync(CreateContext<ArtifactsJobModel, DbtCloudClient> context, long jobId)
    {
        if (context.Plan.TriggerRunOnCreate.Value)
            await TriggerFirstRunAsync(context, jobId);
    }

    /// <summary>
    /// The job exists and is correct even when its first run cannot be started, so that failure is a warning (at the
    /// attribute), not an error that would taint a good job.
    /// </summary>
    private static async Task TriggerFirstRunAsync(CreateContext<ArtifactsJobModel, DbtCloudClient> context, long jobId)
    {
        try
        {
            await context.Client.Jobs.TriggerRunAsync(jobId, "Triggered by Terraform (dbtcloud_artifacts_job.trigger_run_on_create)", context.CancellationToken);
        }
        catch (Exception e)
        {
            context.Diagnostics.AddAttributeWarning(CtyPath.Attribute("trigger_run_on_create"), "First run not started",
                $"The job {jobId} was created, but its first run could not be started: {e.Message.TrimEnd('.')}. {NextRun(context.Plan)}");
        }
    }

    /// <summary>When the job's artifacts will come without a run started by hand, by what triggers are on.</summary>
    internal static string NextRun(ArtifactsJobModel plan) =>
        plan.ScheduleEnabled.ValueOrNull == true
            ? $"The job produces its artifacts at its next scheduled run (\"{plan.ScheduleCron.ValueOrNull}\", UTC); start a run in dbt Cloud to have them now."
            : plan.RunOnMerge.ValueOrNull == true
                ? "The job produces its artifacts at its next run, on the next merge into its environment's branch; start a run in dbt Cloud to have them now."
                : "The job has neither its schedule nor run on merge on, so it runs only when started: start a run in dbt Cloud to have its artifacts.";

    // A create-time action, not a property of the job: kept from state; after import it reads as its default.
    protected override void OnRead(ArtifactsJobModel state)
    {
        if (state.TriggerRunOnCreate.IsNull) state.TriggerRunOnCreate = false;
    }

    // Also checked here: a plan made from a state without the job type (an older provider's) did not refuse it.
    protected override void CheckUpdate(DbtJob job)
    {
        if (JobTypes.IsFixed(job.JobType))
            throw new ResourceException("Job type cannot change", FixedTypeDetail(job.Id, job.JobType!));
    }

    protected override void CompleteWrite(ArtifactsJobModel plan, DbtJob written)
    {
        var triggers = written.Triggers;
        triggers.GithubWebhook = false;
        triggers.GitProviderWebhook = false;
        // Sent, and always the value the service would infer from these triggers, so that a job read back never
        // carries a stale type (e.g. "scheduled" after the schedule was paused).
        written.JobType = triggers.OnMerge ? JobTypes.Merge : triggers.Schedule ? JobTypes.Scheduled : JobTypes.Other;
    }
}
