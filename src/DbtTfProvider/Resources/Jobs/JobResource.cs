using System.Globalization;
using System.Text.Json.Nodes;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Resources.Jobs;

/// <summary>
/// What every dbt Cloud job resource does the same way. Create posts the whole job through the client's duplicate-safe
/// create; update reads the job, writes only the settings the schema declares (<see cref="ApiObjectMapping{TModel}"/>)
/// and sends the whole object back; read maps every setting back, so a change in the UI is drift on its attribute.
/// A resource says what is its own: how the written job's triggers and type are completed, and which jobs it refuses.
/// </summary>
public abstract class JobResource<TModel> : Resource<TModel, DbtCloudClient>, IImportableResource<TModel, DbtCloudClient>
    where TModel : JobModel, new()
{
    /// <summary>Private state: the job's <c>job_type</c> as dbt Cloud last answered it.</summary>
    protected const string JobTypeKey = "job_type";

    /// <summary>How this resource's schema lines and words differ from the other job resource's.</summary>
    protected abstract JobKind Kind { get; }

    /// <summary>
    /// dbt Cloud lets jobs of a project share a name: a plan that creates one warns of a job of its side (CI or not) that
    /// already has the name in the project. One listing of the project's jobs serves both job resources.
    /// </summary>
    public override NamesakeCheck<TModel, DbtCloudClient> NamesakeCheck => field ??= new()
    {
        Kind = Kind.Noun,
        Listing = "jobs",
        ScopeAttributes = ["project_id"],
        Name = static m => m.Name.Value,
        Where = static (_, m) => string.Create(CultureInfo.InvariantCulture, $"dbt Cloud project {m.ProjectId.Value}"),
        ListAsync = static async (client, m, cancellationToken) =>
            (await client.Jobs.ListAsync(new JobListFilter { ProjectId = m.ProjectId.Value }, cancellationToken))
            .Where(j => j.IsActive).Select(j => new Namesake(NumericIds.Format(j.Id!.Value), j.Name, j.CreatedAt, j.JobType)).ToList(),
        Admits = Kind.WritesCiJobs ? static n => n.Type == JobTypes.Ci : static n => n.Type != JobTypes.Ci,
    };

    /// <summary>Sets what the schema's settings do not: the triggers this resource fixes and the job type it writes.</summary>
    protected abstract void CompleteWrite(TModel plan, DbtJob written);

    /// <summary>
    /// Completes the request body where a setting needs the service (a value derived from another object); runs before
    /// every create and update, after the settings are written.
    /// </summary>
    protected virtual Task CompleteBodyAsync(TModel plan, JsonObject body, DbtCloudClient client, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Throws when the job read is one this resource cannot manage (an import of the wrong kind of job).</summary>
    protected virtual void CheckRead(DbtJob job) { }

    /// <summary>Throws when the job about to be updated is one this resource cannot write.</summary>
    protected virtual void CheckUpdate(DbtJob job) { }

    /// <summary>After the job exists and is in state (e.g. start its first run).</summary>
    protected virtual Task OnCreatedAsync(CreateContext<TModel, DbtCloudClient> context, long jobId) => Task.CompletedTask;

    /// <summary>After a read: values that are not settings of the job (kept from state, or their defaults after import).</summary>
    protected virtual void OnRead(TModel state) { }

    public override async Task CreateAsync(CreateContext<TModel, DbtCloudClient> context)
    {
        var plan = context.Plan;
        var job = await WithManagedAsync(plan, new DbtJob(), context.Client, context.CancellationToken);
        var created = await MarkedCreates.CreateAsync(TypeName, context, () => context.Client.Jobs.CreateAsync(job, context.CancellationToken));
        var jobId = created.Id ?? throw new ResourceException("Job created without an id",
            "dbt Cloud answered the job create without the new job's id. Look for the job in dbt Cloud and import it.");
        SetIdentity(plan, jobId, context.Client);
        context.Private.Set(JobTypeKey, created.JobType);
        // In state before anything else is asked for: whatever happens next, the job is tracked, never orphaned.
        context.State = plan;
        await OnCreatedAsync(context, jobId);
    }

    public override async Task ReadAsync(ReadContext<TModel, DbtCloudClient> context)
    {
        var state = context.State;
        // The project lets the client confirm a 404 (a job is gone only while its project is still visible).
        var jobs = context.Client.Jobs;
        var job = await jobs.GetAsync(NumericIds.FromState(state.Id, TypeName), state.ProjectId.ValueOrNull, context.CancellationToken);
        CheckRead(job);
        // Jobs left by this object's own create whose commit came late (their marker is in private state): ours, deleted.
        await MarkedCreates.SweepAsync(context, "Job", job.Id!.Value, nonce => jobs.FindMarkedAsync(job.ProjectId, nonce, context.CancellationToken),
            late => jobs.DeleteAsync(late, job.ProjectId, context.CancellationToken));
        context.Private.Set(JobTypeKey, job.JobType);
        Schema.ApiObject.Read(DbtJobJson.ToJson(job), state);
        SetIdentity(state, job.Id!.Value, context.Client);
        OnRead(state);
    }

    public override async Task UpdateAsync(UpdateContext<TModel, DbtCloudClient> context)
    {
        var plan = context.Plan;
        // Only attributes that are not job settings changed: nothing to write.
        if (Schema.ApiObject.SameSettings(plan, context.Prior)) return;

        var job = await context.Client.Jobs.GetAsync(NumericIds.FromState(plan.Id, TypeName), context.CancellationToken);
        CheckUpdate(job);
        var updated = await context.Client.Jobs.UpdateAsync(await WithManagedAsync(plan, job, context.Client, context.CancellationToken), context.CancellationToken);
        context.Private.Set(JobTypeKey, updated.JobType);
    }

    public override Task DeleteAsync(DeleteContext<TModel, DbtCloudClient> context) =>
        context.Client.Jobs.DeleteAsync(NumericIds.FromState(context.State.Id, TypeName), context.State.ProjectId.ValueOrNull, context.CancellationToken);

    public Task ImportAsync(ImportContext<TModel, DbtCloudClient> context)
    {
        var jobId = context.NumericId("its numeric dbt Cloud job id (the number in the job's URL, …/jobs/12345)");
        context.State = new TModel { Id = NumericIds.Format(jobId), JobId = jobId };
        return Task.CompletedTask;
    }

    /// <summary>
    /// <paramref name="job"/> with every setting of the schema written over it, then completed by the resource; the
    /// fields no resource manages are left as they are.
    /// </summary>
    private async Task<DbtJob> WithManagedAsync(TModel plan, DbtJob job, DbtCloudClient client, CancellationToken cancellationToken)
    {
        var body = DbtJobJson.ToJson(job);
        Schema.ApiObject.Write(plan, body);
        await CompleteBodyAsync(plan, body, client, cancellationToken);
        var written = DbtJobJson.FromJson(body);
        written.State = DbtObjectState.Active;
        CompleteWrite(plan, written);
        return written;
    }

    private static void SetIdentity(TModel model, long jobId, DbtCloudClient client)
    {
        model.Id = NumericIds.Format(jobId);
        model.JobId = jobId;
        model.JobUrl = JobUrl(client, model.ProjectId.Value, jobId);
    }

    /// <summary>The job's page in dbt Cloud's UI: the access URL, then /deploy/{account}/projects/{project}/jobs/{id}.</summary>
    private static string JobUrl(DbtCloudClient client, long projectId, long jobId) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{DbtCloudHostUrl.AccessUrl(client.HostUrl.ToString()).Text}/deploy/{client.AccountId}/projects/{projectId}/jobs/{jobId}");
}
