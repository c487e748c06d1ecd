using Refit;

namespace DbtTfProvider.Datafold;

/// <summary>
/// Datafold's endpoints besides the CI configs: the data sources, documented in Datafold's published API file, and
/// organization/meta, which is not (only Datafold's data-diff client calls it; a host may answer it 404, and
/// <see cref="DatafoldClient.CheckCredentialsAsync"/> then falls back to the data source list).
/// </summary>
internal interface IDatafoldApi
{
    /// <summary>Undocumented: not in the published API file.</summary>
    const string OrganizationMetaPath = "/api/v1/organization/meta";

    [Get(OrganizationMetaPath)]
    Task<OrganizationMeta> GetOrganizationMetaAsync(CancellationToken cancellationToken);

    [Get("/api/v1/data_sources")]
    Task<List<DataSource>> ListDataSourcesAsync(CancellationToken cancellationToken);

    [Get("/api/v1/data_sources/{id}")]
    Task<DataSource> GetDataSourceAsync(long id, CancellationToken cancellationToken);
}
