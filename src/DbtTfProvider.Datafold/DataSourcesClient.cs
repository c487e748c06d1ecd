namespace DbtTfProvider.Datafold;

public sealed class DataSourcesClient
{
    private readonly IDatafoldApi _api;

    internal DataSourcesClient(IDatafoldApi api) => _api = api;

    public async Task<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken = default) =>
        await _api.ListDataSourcesAsync(cancellationToken).ConfigureAwait(false);

    public Task<DataSource> GetAsync(long id, CancellationToken cancellationToken = default) => _api.GetDataSourceAsync(id, cancellationToken);
}
