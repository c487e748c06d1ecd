using DbtTfProvider.Http;

namespace DbtTfProvider.DbtCloud;

public sealed class EnvironmentsClient
{
    private readonly IDbtCloudApi _api;
    private readonly long _accountId;

    internal EnvironmentsClient(IDbtCloudApi api, long accountId) => (_api, _accountId) = (api, accountId);

    /// <summary>The project's active environments (deleted ones, state 2, are listed by dbt Cloud too and skipped here).</summary>
    public async Task<IReadOnlyList<DbtEnvironment>> ListAsync(long projectId, CancellationToken cancellationToken = default) =>
        (await Envelope.ReadAllPagesAsync((offset, limit, token) => _api.ListEnvironmentsAsync(_accountId, projectId, offset, limit, token),
            $"the environment list of project {projectId}", cancellationToken).ConfigureAwait(false)).Where(e => e.State != DbtObjectState.Deleted).ToList();

    /// <summary>
    /// One environment of a project, or <see cref="ApiErrorKind.NotFound"/> when the project has no such environment
    /// (read from the project's list: the spec names no single-environment path).
    /// </summary>
    public async Task<DbtEnvironment> GetAsync(long projectId, long environmentId, CancellationToken cancellationToken = default)
    {
        var environments = await ListAsync(projectId, cancellationToken).ConfigureAwait(false);
        return environments.FirstOrDefault(e => e.Id == environmentId) ?? throw new DbtCloudApiException(
            $"environment {environmentId} does not exist in project {projectId}", System.Net.HttpStatusCode.NotFound, ApiErrorKind.NotFound,
            [], null, null, "GET", $"/v3/accounts/{_accountId}/projects/{projectId}/environments/");
    }
}
