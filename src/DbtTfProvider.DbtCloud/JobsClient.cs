using DbtTfProvider.Http;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.DbtCloud;

public sealed partial class JobsClient
{
    private readonly IDbtCloudApi _api;
    private readonly long _accountId;
    private readonly ILogger _logger;
    private readonly KeyedLock<string> _createLocks = new();

    internal JobsClient(IDbtCloudApi api, long accountId, ILogger logger) => (_api, _accountId, _logger) = (api, accountId, logger);

    /// <summary>
    /// Creates the job (its id is ignored and sent as null; the account is this client's). If the create fails
    /// ambiguously, an active job with the same name, project and environment that was not there before is adopted
    /// (the newest) instead of posting again; if there is none, the POST is sent again.
    /// </summary>
    public Task<DbtJob> CreateAsync(DbtJob job, CancellationToken cancellationToken = default)
    {
        job.Id = null;
        job.AccountId = _accountId;
        var filter = new JobListFilter { ProjectId = job.ProjectId, EnvironmentId = job.EnvironmentId, NameContains = job.Name };
        bool SameIdentity(DbtJob other) => other.IsActive && other.Name == job.Name && other.ProjectId == job.ProjectId && other.EnvironmentId == job.EnvironmentId;
        return DuplicateSafeCreate.RunAsync(_createLocks, $"{job.ProjectId}/{job.EnvironmentId}/{job.Name}", $"job \"{job.Name}\"",
            async token => (await ListAsync(filter, token).ConfigureAwait(false)).Where(SameIdentity).Select(j => j.Id!.Value).ToHashSet(),
            async token => Envelope.Data(await _api.CreateJobAsync(_accountId, job, token).ConfigureAwait(false), "the job create"),
            async (before, token) =>
            {
                var adopted = (await ListAsync(filter, token).ConfigureAwait(false))
                    .Where(j => SameIdentity(j) && !before.Contains(j.Id!.Value))
                    .MaxBy(j => j.Id);
                if (adopted is not null)
                    LogAdopting(_logger, adopted.Id!.Value, job.Name);
                return adopted;
            },
            _logger, cancellationToken);
    }

    /// <summary>The job; a deleted job answers <see cref="ApiErrorKind.NotFound"/>.</summary>
    public async Task<DbtJob> GetAsync(long jobId, CancellationToken cancellationToken = default) =>
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

    /// <summary>Deletes the job; one that is already gone (404) counts as deleted.</summary>
    public async Task DeleteAsync(long jobId, CancellationToken cancellationToken = default)
    {
        try
        {
            await _api.DeleteJobAsync(_accountId, jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (DbtCloudApiException e) when (e.Kind == ApiErrorKind.NotFound)
        {
        }
    }

    /// <summary>Active jobs matching the filter, every page.</summary>
    public async Task<IReadOnlyList<DbtJob>> ListAsync(JobListFilter? filter = null, CancellationToken cancellationToken = default) =>
        await Envelope.ReadAllPagesAsync((offset, limit, token) => _api.ListJobsAsync(_accountId, filter?.ProjectId, filter?.EnvironmentId,
            filter?.NameContains, offset, limit, token), "the job list", cancellationToken).ConfigureAwait(false);

    public async Task<DbtRun> TriggerRunAsync(long jobId, string cause, CancellationToken cancellationToken = default) =>
        Envelope.Data(await _api.TriggerRunAsync(_accountId, jobId, new RunTriggerRequest { Cause = cause }, RequestIdempotency.Idempotent, cancellationToken)
            .ConfigureAwait(false), $"the run of job {jobId}");

    public async Task<DbtRun> GetRunAsync(long runId, CancellationToken cancellationToken = default) =>
        Envelope.Data(await _api.GetRunAsync(_accountId, runId, cancellationToken).ConfigureAwait(false), $"run {runId}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "adopting job {JobId} \"{Name}\": an ambiguous create made it")]
    private static partial void LogAdopting(ILogger logger, long jobId, string name);
}
