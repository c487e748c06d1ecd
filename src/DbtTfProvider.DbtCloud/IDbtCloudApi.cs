using DbtTfProvider.Http;
using Refit;

namespace DbtTfProvider.DbtCloud;

/// <summary>The spec's endpoints (see CONTRACT.md beside this file). Paths are appended to host_url (which ends in /api).</summary>
internal interface IDbtCloudApi
{
    [Get("/v2/accounts/")]
    Task<DbtEnvelope<List<DbtAccount>>> ListAccountsAsync(CancellationToken cancellationToken);

    [Get("/v3/accounts/{accountId}/projects/")]
    Task<DbtEnvelope<List<DbtProject>>> ListProjectsAsync(long accountId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Documented in the v3 OpenAPI spec.</summary>
    [Get("/v3/accounts/{accountId}/projects/{projectId}/environments/")]
    Task<DbtEnvelope<List<DbtEnvironment>>> ListEnvironmentsAsync(long accountId, long projectId, int offset, int limit, CancellationToken cancellationToken);

    [Post("/v3/accounts/{accountId}/service-tokens/")]
    Task<DbtEnvelope<ServiceToken>> CreateServiceTokenAsync(long accountId, [Body] ServiceTokenCreateRequest token, CancellationToken cancellationToken);

    /// <summary>
    /// Not in the spec's table; the real v3 API has it. Used to find what an ambiguous create left. Only documented query
    /// parameters (state, and offset as dbt Labs' client pages): dbt Cloud refuses others, limit included.
    /// </summary>
    [Get("/v3/accounts/{accountId}/service-tokens/")]
    Task<DbtEnvelope<List<ServiceToken>>> ListServiceTokensAsync(long accountId, int? state, int offset, CancellationToken cancellationToken);

    [Get("/v3/accounts/{accountId}/service-tokens/{tokenId}/")]
    Task<DbtEnvelope<ServiceToken>> GetServiceTokenAsync(long accountId, long tokenId, CancellationToken cancellationToken);

    [Put("/v3/accounts/{accountId}/service-tokens/{tokenId}/")]
    Task<DbtEnvelope<ServiceToken>> RenameServiceTokenAsync(long accountId, long tokenId, [Body] ServiceTokenRenameRequest rename, CancellationToken cancellationToken);

    [Delete("/v3/accounts/{accountId}/service-tokens/{tokenId}/")]
    Task DeleteServiceTokenAsync(long accountId, long tokenId, CancellationToken cancellationToken);

    /// <summary>The answer is not read (the v3 spec does not document it): the grants are read back with <see cref="ListGrantsAsync"/>.</summary>
    [Post("/v3/accounts/{accountId}/service-tokens/{tokenId}/permissions/")]
    Task AssignGrantsAsync(long accountId, long tokenId, [Body] List<ServiceTokenGrantRequest> grants, CancellationToken cancellationToken);

    /// <summary>Pages by offset only, as dbt Labs' client does: the spec documents no limit here, and dbt Cloud refuses it.</summary>
    [Get("/v3/accounts/{accountId}/service-tokens/{tokenId}/permissions/")]
    Task<DbtEnvelope<List<ServiceTokenGrant>>> ListGrantsAsync(long accountId, long tokenId, int offset, CancellationToken cancellationToken);

    [Post("/v2/accounts/{accountId}/jobs/")]
    Task<DbtEnvelope<DbtJob>> CreateJobAsync(long accountId, [Body] DbtJob job, CancellationToken cancellationToken);

    [Get("/v2/accounts/{accountId}/jobs/{jobId}/")]
    Task<DbtEnvelope<DbtJob>> GetJobAsync(long accountId, long jobId, CancellationToken cancellationToken);

    /// <summary>A POST, but it writes the whole object: sending it twice equals sending it once.</summary>
    [Post("/v2/accounts/{accountId}/jobs/{jobId}/")]
    Task<DbtEnvelope<DbtJob>> UpdateJobAsync(long accountId, long jobId, [Body] DbtJob job,
        [Property(RequestIdempotencyOptions.KeyName)] RequestIdempotency idempotency, CancellationToken cancellationToken);

    [Delete("/v2/accounts/{accountId}/jobs/{jobId}/")]
    Task DeleteJobAsync(long accountId, long jobId, CancellationToken cancellationToken);

    [Get("/v2/accounts/{accountId}/jobs/")]
    Task<DbtEnvelope<List<DbtJob>>> ListJobsAsync(long accountId,
        [AliasAs("project_id")] long? projectId, [AliasAs("environment_id")] long? environmentId,
        [AliasAs("name__icontains")] string? nameContains, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Not idempotent: every POST queues a run.</summary>
    [Post("/v2/accounts/{accountId}/jobs/{jobId}/run/")]
    Task<DbtEnvelope<DbtRun>> TriggerRunAsync(long accountId, long jobId, [Body] RunTriggerRequest trigger, CancellationToken cancellationToken);

    /// <summary>openapi-v2 documents it (job_definition_id, offset and limit among its parameters): the runs of one job.</summary>
    [Get("/v2/accounts/{accountId}/runs/")]
    Task<DbtEnvelope<List<DbtRun>>> ListRunsAsync(long accountId, [AliasAs("job_definition_id")] long jobDefinitionId,
        int offset, int limit, CancellationToken cancellationToken);

    [Get("/v2/accounts/{accountId}/runs/{runId}/")]
    Task<DbtEnvelope<DbtRun>> GetRunAsync(long accountId, long runId, CancellationToken cancellationToken);
}
