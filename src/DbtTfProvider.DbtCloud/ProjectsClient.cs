namespace DbtTfProvider.DbtCloud;

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
