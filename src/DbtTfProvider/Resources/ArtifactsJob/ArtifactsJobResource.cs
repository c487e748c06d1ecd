using System.Globalization;
using System.Net;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// <c>dbtcloud_artifacts_job</c>: the dbt Cloud job whose runs leave the production <c>manifest.json</c> that Datafold
/// diffs against. Create posts the whole job; update reads the job, changes only what this resource manages and writes
/// the whole object back; read maps every managed field back, so a change in the UI is drift on its attribute.
/// </summary>
public sealed class ArtifactsJobResource : Resource<ArtifactsJobModel, DbtCloudClient>, IImportableResource<ArtifactsJobModel, DbtCloudClient>,
    IMovableResource<ArtifactsJobModel>
{
    public override string TypeName => "dbtcloud_artifacts_job";

    /// <summary>A <c>moved</c> block may take dbt Labs' <c>dbtcloud_job</c> (see <see cref="DbtLabsJobMove"/>).</summary>
    public IReadOnlyList<StateMoveSource<ArtifactsJobModel>> MoveSources { get; } = [DbtLabsJobMove.Source];

    protected override void DefineSchema(ResourceSchemaBuilder<ArtifactsJobModel> schema) => ArtifactsJobSchema.Define(schema);

    /// <summary>Private state: the job's <c>job_type</c> as dbt Cloud last answered it, so that plan can refuse to change a CI job.</summary>
    private const string JobTypeKey = "job_type";

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
        if (context.Prior is { } prior && JobTypes.IsFixed(context.Private.Get(JobTypeKey)) && !SameJobSettings(context.Plan, prior))
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
        [new(["project_id", "environment_id"], CheckEnvironmentAsync)];

    /// <summary>One read: the project's environments (documented list; a 404 in dbt Cloud's words means no such project).</summary>
    private static async Task CheckEnvironmentAsync(ServiceCheckContext<ArtifactsJobModel, DbtCloudClient> ctx)
    {
        var projectId = ctx.Plan.ProjectId.Value;
        var environmentId = ctx.Plan.EnvironmentId.Value;
        IReadOnlyList<DbtEnvironment> environments;
        try
        {
            environments = await ctx.Client.Environments.ListAsync(projectId, ctx.CancellationToken);
        }
        catch (DbtCloudApiException e) when (e.IsServiceNotFound)
        {
            ctx.Fail("project_id", "Project not found",
                $"dbt Cloud account {ctx.Client.AccountId} has no project {projectId} that the provider's token can see ({e.Summary.TrimEnd('.')}). " +
                "Use the number in the project's URL (…/projects/12345). Nothing was written.");
            return;
        }
        if (environments.Any(e => e.Id == environmentId)) return;
        var known = environments.Count == 0
            ? "it has no environments"
            : "its environments are " + string.Join(", ", environments.Take(20).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id} ({e.Name})")));
        ctx.Fail("environment_id", "Environment not in the project",
            string.Create(CultureInfo.InvariantCulture, $"environment_id {environmentId} is not an environment of project_id {projectId}: {known}. ") +
            "dbt Cloud refuses a job whose environment belongs to another project. Nothing was written.");
    }

    public override async Task CreateAsync(CreateContext<ArtifactsJobModel, DbtCloudClient> ctx)
    {
        var plan = ctx.Plan;
        var job = new DbtJob { ProjectId = plan.ProjectId.Value };
        ApplyManaged(plan, job);
        var created = await ctx.Client.Jobs.CreateAsync(job, ctx.CancellationToken);
        var jobId = created.Id ?? throw new ResourceException("Job created without an id",
            "dbt Cloud answered the job create without the new job's id. Look for the job in dbt Cloud and import it.");
        SetIdentity(plan, jobId, ctx.Client);
        ctx.Private.Set(JobTypeKey, created.JobType);
        // In state before the run is asked for: whatever happens next, the job is tracked, never orphaned.
        ctx.State = plan;

        if (plan.TriggerRunOnCreate.Value)
            await TriggerFirstRunAsync(ctx, jobId);
    }

    /// <summary>
    /// The job exists and is correct even when its first run cannot be started, so that failure is a warning (at the
    /// attribute), not an error that would taint a good job.
    /// </summary>
    private static async Task TriggerFirstRunAsync(CreateContext<ArtifactsJobModel, DbtCloudClient> ctx, long jobId)
    {
        try
        {
            await ctx.Client.Jobs.TriggerRunAsync(jobId, "Triggered by Terraform (dbtcloud_artifacts_job.trigger_run_on_create)", ctx.CancellationToken);
        }
        catch (Exception e)
        {
            ctx.Diagnostics.AddAttributeWarning(CtyPath.Attribute("trigger_run_on_create"), "First run not started",
                $"The job {jobId} was created, but its first run could not be started: {e.Message.TrimEnd('.')}. {NextRun(ctx.Plan)}");
        }
    }

    /// <summary>When the job's artifacts will come without a run started by hand, by what triggers are on.</summary>
    internal static string NextRun(ArtifactsJobModel plan) =>
        plan.ScheduleEnabled.ValueOrNull == true
            ? $"The job produces its artifacts at its next scheduled run (\"{plan.ScheduleCron.ValueOrNull}\", UTC); start a run in dbt Cloud to have them now."
            : plan.RunOnMerge.ValueOrNull == true
                ? "The job produces its artifacts at its next run, on the next merge into its environment's branch; start a run in dbt Cloud to have them now."
                : "The job has neither its schedule nor run on merge on, so it runs only when started: start a run in dbt Cloud to have its artifacts.";

    public override async Task ReadAsync(ReadContext<ArtifactsJobModel, DbtCloudClient> ctx)
    {
        var state = ctx.State;
        // The project lets the client confirm a 404 (a job is gone only while its project is still visible).
        var job = await ctx.Client.Jobs.GetAsync(NumericIds.FromState(state.Id, TypeName), state.ProjectId.ValueOrNull, ctx.CancellationToken);
        ctx.Private.Set(JobTypeKey, job.JobType);
        state.ProjectId = job.ProjectId;
        SetIdentity(state, job.Id!.Value, ctx.Client);
        state.EnvironmentId = job.EnvironmentId;
        state.Name = job.Name;
        state.Description = job.Description;
        state.ExecuteSteps = TfCollections.ListOfStrings(job.ExecuteSteps);
        state.ScheduleCron = CronOf(job.Schedule);
        state.ScheduleEnabled = job.Triggers.Schedule;
        state.RunOnMerge = job.Triggers.OnMerge;
        state.DbtVersion = job.DbtVersion;
        state.NumThreads = job.Settings.Threads;
        state.TargetName = job.Settings.TargetName;
        state.GenerateDocs = job.GenerateDocs;
        state.TimeoutSeconds = job.Execution.TimeoutSeconds;
        // A create-time action, not a property of the job: kept from state; after import it reads as its default.
        if (state.TriggerRunOnCreate.IsNull) state.TriggerRunOnCreate = false;
    }

    public override async Task UpdateAsync(UpdateContext<ArtifactsJobModel, DbtCloudClient> ctx)
    {
        var plan = ctx.Plan;
        // trigger_run_on_create alone changing touches nothing in dbt Cloud.
        if (SameJobSettings(plan, ctx.Prior)) return;

        var job = await ctx.Client.Jobs.GetAsync(NumericIds.FromState(plan.Id, TypeName), ctx.CancellationToken);
        // Also checked here: a plan made from a state without the job type (an older provider's) did not refuse it.
        if (JobTypes.IsFixed(job.JobType))
            throw new ResourceException("Job type cannot change", FixedTypeDetail(job.Id, job.JobType!));
        ApplyManaged(plan, job);
        var updated = await ctx.Client.Jobs.UpdateAsync(job, ctx.CancellationToken);
        ctx.Private.Set(JobTypeKey, updated.JobType);
    }

    public override Task DeleteAsync(DeleteContext<ArtifactsJobModel, DbtCloudClient> ctx) =>
        ctx.Client.Jobs.DeleteAsync(NumericIds.FromState(ctx.State.Id, TypeName), ctx.State.ProjectId.ValueOrNull, ctx.CancellationToken);

    public Task ImportAsync(ImportContext<ArtifactsJobModel, DbtCloudClient> ctx)
    {
        var jobId = ctx.NumericId("its numeric dbt Cloud job id (the number in the job's URL, …/jobs/12345)");
        ctx.State = new ArtifactsJobModel { Id = NumericIds.Format(jobId), JobId = jobId };
        return Task.CompletedTask;
    }

    /// <summary>Writes every managed setting onto <paramref name="job"/>, leaving the fields this resource does not manage as they are.</summary>
    private static void ApplyManaged(ArtifactsJobModel plan, DbtJob job)
    {
        job.EnvironmentId = plan.EnvironmentId.Value;
        job.Name = plan.Name.Value;
        job.Description = plan.Description.Value;
        job.ExecuteSteps = [.. plan.ExecuteSteps.Values()];
        job.DbtVersion = plan.DbtVersion.ValueOrNull;
        job.Settings.Threads = checked((int)plan.NumThreads.Value);
        job.Settings.TargetName = plan.TargetName.Value;
        job.GenerateDocs = plan.GenerateDocs.Value;
        job.Execution.TimeoutSeconds = checked((int)plan.TimeoutSeconds.Value);
        job.State = DbtObjectState.Active;

        var cron = plan.ScheduleCron.Value;
        var triggers = job.Triggers;
        triggers.GithubWebhook = false;
        triggers.GitProviderWebhook = false;
        triggers.Schedule = plan.ScheduleEnabled.Value;
        triggers.OnMerge = plan.RunOnMerge.Value;
        // dbt Cloud wants a schedule even when it is paused.
        job.Schedule = JobSchedule.CustomCron(cron);
        // Sent, and always the value the service would infer from these triggers, so that a job read back never
        // carries a stale type (e.g. "scheduled" after the schedule was paused).
        job.JobType = triggers.OnMerge ? JobTypes.Merge : triggers.Schedule ? JobTypes.Scheduled : JobTypes.Other;
    }

    private static bool SameJobSettings(ArtifactsJobModel a, ArtifactsJobModel b) =>
        a.ProjectId == b.ProjectId && a.EnvironmentId == b.EnvironmentId && a.Name == b.Name && a.Description == b.Description &&
        a.ExecuteSteps == b.ExecuteSteps && a.ScheduleCron == b.ScheduleCron && a.ScheduleEnabled == b.ScheduleEnabled &&
        a.RunOnMerge == b.RunOnMerge && a.DbtVersion == b.DbtVersion && a.NumThreads == b.NumThreads && a.TargetName == b.TargetName &&
        a.GenerateDocs == b.GenerateDocs && a.TimeoutSeconds == b.TimeoutSeconds;

    /// <summary>
    /// The job's cron: a custom_cron schedule's own expression; for a schedule set up differently in the UI (every
    /// day, days of week), the effective cron the service derives, so that drift is shown as a cron.
    /// </summary>
    private static string CronOf(JobSchedule schedule) =>
        schedule.Date.Type == ScheduleDate.CustomCronType && schedule.Date.Cron is { Length: > 0 } cron ? cron : schedule.Cron ?? schedule.Date.Cron ?? "";

    private static void SetIdentity(ArtifactsJobModel model, long jobId, DbtCloudClient client)
    {
        model.Id = NumericIds.Format(jobId);
        model.JobId = jobId;
        model.JobUrl = JobUrl(client, model.ProjectId.Value, jobId);
    }

    /// <summary>
    /// The job's page in dbt Cloud's UI: the API host without its <c>/api</c> suffix (https://cloud.getdbt.com/api →
    /// https://cloud.getdbt.com), then /deploy/{account}/projects/{project}/jobs/{id}.
    /// </summary>
    public static string JobUrl(DbtCloudClient client, long projectId, long jobId)
    {
        var host = client.HostUrl.ToString().TrimEnd('/');
        if (host.EndsWith("/api", StringComparison.OrdinalIgnoreCase)) host = host[..^"/api".Length];
        return string.Create(CultureInfo.InvariantCulture, $"{host}/deploy/{client.AccountId}/projects/{projectId}/jobs/{jobId}");
    }

}
