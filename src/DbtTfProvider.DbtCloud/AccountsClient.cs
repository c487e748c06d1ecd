using DbtTfProvider.Http;

namespace DbtTfProvider.DbtCloud;

public sealed class AccountsClient
{
    private readonly IDbtCloudApi _api;

    internal AccountsClient(IDbtCloudApi api) => _api = api;

    /// <summary>The accounts the token can see.</summary>
    public async Task<IReadOnlyList<DbtAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        Envelope.Data(await _api.ListAccountsAsync(cancellationToken).ConfigureAwait(false), "the account list");

    /// <summary>
    /// Fails unless the token is valid (401: <see cref="ApiErrorKind.Unauthorized"/>) and sees <paramref name="accountId"/>
    /// (else <see cref="ApiErrorKind.Forbidden"/> with a message that says what to fix).
    /// </summary>
    public async Task<DbtAccount> CheckCredentialsAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var accounts = await ListAsync(cancellationToken).ConfigureAwait(false);
        return accounts.FirstOrDefault(a => a.Id == accountId) ?? throw new DbtCloudApiException(
            $"the token is valid but cannot see account {accountId}; {SeenAccounts(accounts)}: check the account id, the token's permissions or IP restrictions",
            null, ApiErrorKind.Forbidden, [], null, null, "GET", "/v2/accounts/");
    }

    /// <summary>The accounts the token does see (the list is at hand): most often the right id is among them.</summary>
    private static string SeenAccounts(IReadOnlyList<DbtAccount> accounts)
    {
        const int shown = 20;
        if (accounts.Count == 0) return "it sees no account";
        var names = string.Join(", ", accounts.Take(shown).Select(a => $"{a.Id} (\"{a.Name}\")"));
        return $"it sees account{(accounts.Count == 1 ? "" : "s")} {names}{(accounts.Count > shown ? $" and {accounts.Count - shown} more" : "")}";
    }
}

public sealed class ProjectsClient
{
    private readonly IDbtCloudApi _api;
    private readonly long _accountId;

    internal ProjectsClient(IDbtCloudApi api, long accountId) => (_api, _accountId) = (api, accountId);

    /// <summary>The account's active projects: dbt Cloud deletes softly and lists deleted ones too (state 2), which no caller wants.</summary>
    public async Task<IReadOnlyList<DbtProject>> ListAsync(CancellationToken cancellationToken = default) =>
        (await Envelope.ReadAllPagesAsync((offset, limit, token) => _api.ListProjectsAsync(_accountId, offset, limit, token),
            "the project list", cancellationToken).ConfigureAwait(false)).Where(p => p.State != DbtObjectState.Deleted).ToList();
}

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
