using DbtTfProvider.Http;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.DbtCloud;

public sealed partial class JobsClient
{
    private readonly IDbtCloudApi _api;
    private readonly long _accountId;
    private readonly ILogger _logger;
    private readonly CreateSafetyOptions _createSafety;
    private readonly ProjectsClient _projects;

    internal JobsClient(IDbtCloudApi api, long accountId, ILogger logger, CreateSafetyOptions createSafety, ProjectsClient projects) =>
        (_api, _accountId, _logger, _createSafety, _projects) = (api, accountId, logger, createSafety, projects);

    /// <summary>
    /// The longest job name dbt Cloud stores: 255 characters. Not in dbt Labs' OpenAPI files (whose job name has only
    /// minLength 1) nor checked by their provider; reconstructed from the 255-character limit of the API's other stored
    /// strings, and enforced so by the emulator.
    /// </summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// Creates the job (its id is ignored and sent as null; the account is this client's). The job is created under a
    /// marked name (<see cref="CreateMarker"/>) and renamed once confirmed; when the create ends unclear, only a job
    /// carrying the marker is adopted, never another job of the same name (<see cref="DuplicateSafeCreate"/>).
    /// <paramref name="cancellationToken"/> is Terraform's stop: it keeps new requests from being sent, never a sent
    /// create from being resolved.
    /// </summary>
    public async Task<DbtJob> CreateAsync(DbtJob job, CancellationToken cancellationToken = default)
    {
        var name = job.Name;
        var marker = _createSafety.NewMarker();
        var marked = marker.Mark(name, MaxNameLength);
        // The request is a copy: the caller's job is never changed.
        var request = job.ToRequest();
        request.Id = null;
        request.AccountId = _accountId;
        request.Name = marked;
        var filter = new JobListFilter { ProjectId = job.ProjectId, EnvironmentId = job.EnvironmentId, NameContains = marker.Nonce };
        var leftovers = new JobListFilter { ProjectId = job.ProjectId, EnvironmentId = job.EnvironmentId, NameContains = "[tf-create " };
        return await DuplicateSafeCreate.RunAsync(new CreateSteps<DbtJob>
        {
            What = $"job \"{name}\"",
            Trace = $"a job named \"{marked}\" in project {job.ProjectId}",
            Marker = marker,
            BaseName = name,
            Kind = "job",
            Where = $"project {job.ProjectId}",
            Name = static j => j.Name,
            FindLeftoversAsync = async token => (await ListAsync(leftovers, token).ConfigureAwait(false))
                .Where(j => j.IsActive && CreateMarker.IsMarkedFormOf(j.Name, name, MaxNameLength)).ToList(),
            PostAsync = async token => Envelope.Data(await _api.CreateJobAsync(_accountId, request, token).ConfigureAwait(false), "the job create"),
            FindAsync = async token => (await ListAsync(filter, token).ConfigureAwait(false)).Where(j => j.IsActive && j.Name == marked).ToList(),
            Id = static j => j.Id!.Value,
            DiscardAsync = (j, token) => DeleteAsync(j.Id!.Value, j.ProjectId, token),
            ConfirmAsync = (j, token) =>
            {
                var renamed = j.ToRequest();
                renamed.Name = name;
                return UpdateAsync(renamed, token);
            },
        }, _createSafety, _logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ids of active jobs of <paramref name="projectId"/> whose name carries the marker <paramref name="nonce"/>.</summary>
    public async Task<IReadOnlyList<long>> FindMarkedAsync(long projectId, string nonce, CancellationToken cancellationToken = default) =>
        (await ListAsync(new JobListFilter { ProjectId = projectId, NameContains = nonce }, cancellationToken).ConfigureAwait(false))
            .Where(j => j.IsActive && CreateMarker.TryRead(j.Name, out var n) && n == nonce).Select(j => j.Id!.Value).ToList();

    /// <summary>The active job; see <see cref="GetAsync(long, long?, CancellationToken)"/> for what counts as gone.</summary>
    public Task<DbtJob> GetAsync(long jobId, CancellationToken cancellationToken = default) => GetAsync(jobId, null, cancellationToken);

    /// <summary>
    /// The active job. dbt Cloud answers 404 for a deleted job, but also for a job the token may not see: after two
    /// 404s (<see cref="ConfirmedGone"/>) the job is gone only while its project <paramref name="projectId"/> is still
    /// visible to the token; a project that is not visible (or not known) leaves the job's fate open. A job answered
    /// with state 2 is gone.
    /// </summary>
    public Task<DbtJob> GetAsync(long jobId, long? projectId, CancellationToken cancellationToken = default) =>
        ConfirmedGone.ReadAsync(GoneCheck(jobId, projectId), cancellationToken);

    private GoneCheck<DbtJob> GoneCheck(long jobId, long? projectId) => new()
    {
        Service = DbtCloudApiException.ServiceName,
        What = $"job {jobId}",
        ReadAsync = token => ReadAsync(jobId, token),
        DeletedEvidence = static job => job.IsActive ? null : $"answered with state {job.State} (deleted)",
        WitnessAsync = token => ProjectWitnessAsync(projectId, token),
        OnStrayNotFound = () => LogStrayNotFound(_logger, jobId),
    };

    /// <summary>A job that answers 404 twice is gone when its project is visible: a hidden project hides its jobs too.</summary>
    private async Task<GoneWitness> ProjectWitnessAsync(long? projectId, CancellationToken cancellationToken)
    {
        if (projectId is not { } project)
            return GoneWitness.Unknown("answered twice; whether the job was deleted cannot be confirmed without its project");
        IReadOnlyList<DbtProject> projects;
        try
        {
            projects = await _projects.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceApiException listError)
        {
            return GoneWitness.Unknown($"answered twice, but the job's project {project} could not be checked ({listError.Message.TrimEnd('.')}), " +
                                       "so the job is not taken for deleted");
        }
        return projects.Any(p => p.Id == project)
            ? GoneWitness.Gone($"answered 404 twice while its project {project} is visible")
            : GoneWitness.Unknown($"answered twice, but the token cannot see the job's project {project} either, so the job may be " +
                                  "hidden rather than deleted: check the token's permissions and account_id");
    }

    private async Task<DbtJob> ReadAsync(long jobId, CancellationToken cancellationToken) =>
        Envelope.Data(await _api.GetJobAsync(_accountId, jobId, cancellationToken).ConfigureAwait(false), $"job {jobId}");

    /// <summary>
    /// Writes the whole job back, as its request fields (<see cref="DbtJob.ToRequest"/>). Change a job read with
    /// <see cref="GetAsync"/>: writable fields this client does not model are kept.
    /// </summary>
    public async Task<DbtJob> UpdateAsync(DbtJob job, CancellationToken cancellationToken = default)
    {
        var jobId = job.Id ?? throw new ArgumentException("a job to update needs its id", nameof(job));
        job.AccountId = _accountId;
        return Envelope.Data(await _api.UpdateJobAsync(_accountId, jobId, job.ToRequest(), RequestIdempotency.Idempotent, cancellationToken).ConfigureAwait(false),
            $"the update of job {jobId}");
    }

    /// <summary>Deletes the job; a 404 is checked as <see cref="GetAsync(long, long?, CancellationToken)"/> checks it (<see cref="ConfirmedGone"/>).</summary>
    public Task DeleteAsync(long jobId, long? projectId, CancellationToken cancellationToken = default) =>
        ConfirmedGone.DeleteAsync(token => _api.DeleteJobAsync(_accountId, jobId, token), GoneCheck(jobId, projectId), cancellationToken);

    /// <summary>Active jobs matching the filter, every page.</summary>
    public async Task<IReadOnlyList<DbtJob>> ListAsync(JobListFilter? filter = null, CancellationToken cancellationToken = default) =>
        await Envelope.ReadAllPagesAsync((offset, limit, token) => _api.ListJobsAsync(_accountId, filter?.ProjectId, filter?.EnvironmentId,
            filter?.NameContains, offset, limit, token), "the job list", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Starts a run. Every POST queues one, so it is never sent again blindly: the cause carries a
    /// <see cref="CreateMarker"/>, and when the POST ends unclear the job's runs are looked at first; the POST is sent
    /// again only when none carries the marker (<see cref="DuplicateSafeCreate"/>). <paramref name="cancellationToken"/>
    /// is Terraform's stop.
    /// </summary>
    public Task<DbtRun> TriggerRunAsync(long jobId, string cause, CancellationToken cancellationToken = default)
    {
        var marked = _createSafety.NewMarker().Mark(cause);
        return DuplicateSafeCreate.RunAsync(new CreateSteps<DbtRun>
        {
            What = $"the run of job {jobId}",
            Trace = $"a run of job {jobId} with the cause \"{marked}\"",
            PostAsync = async token => Envelope.Data(await _api.TriggerRunAsync(_accountId, jobId, new RunTriggerRequest { Cause = marked }, token)
                .ConfigureAwait(false), $"the run of job {jobId}"),
            FindAsync = async token => (await ListRunsAsync(jobId, token).ConfigureAwait(false)).Where(r => r.Cause == marked).ToList(),
            Id = static r => r.Id,
        }, _createSafety, _logger, cancellationToken);
    }

    /// <summary>The job's runs, every page (GET /v2/accounts/{a}/runs/?job_definition_id=, as dbt Cloud's own API).</summary>
    public async Task<IReadOnlyList<DbtRun>> ListRunsAsync(long jobId, CancellationToken cancellationToken = default) =>
        await Envelope.ReadAllPagesAsync((offset, limit, token) => _api.ListRunsAsync(_accountId, jobId, offset, limit, token),
            $"the runs of job {jobId}", cancellationToken).ConfigureAwait(false);

    public async Task<DbtRun> GetRunAsync(long runId, CancellationToken cancellationToken = default) =>
        Envelope.Data(await _api.GetRunAsync(_accountId, runId, cancellationToken).ConfigureAwait(false), $"run {runId}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobId}: a read answered 404, the next one found the job; a stray 404 (lagging replica?)")]
    private static partial void LogStrayNotFound(ILogger logger, long jobId);
}
