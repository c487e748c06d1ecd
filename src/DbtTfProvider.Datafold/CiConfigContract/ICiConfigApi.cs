// ASSUMED CONTRACT. Datafold publishes no endpoint that creates, reads, updates or deletes a CI integration; the
// paths and field names in this folder are the ones this project fixed in the client's CONTRACT.md ("dbt Cloud CI
// integration (assumed)"). Every assumed path is in this file and every assumed field name in the wire types beside
// it (DbtCloudCiConfig, DbtCloudCiSettings, CiSampling), so that following the real service is a change in this folder only.
using Refit;

namespace DbtTfProvider.Datafold.CiConfigContract;

/// <summary>The CI-config endpoints (assumed).</summary>
internal interface ICiConfigApi
{
    /// <summary>The "type" query of the list.</summary>
    const string DbtCloudType = "dbt_cloud";

    const string CreatePath = "/api/v1/ci/dbt_cloud/";
    const string ListPath = "/api/v1/ci/";
    const string ConfigPath = "/api/v1/ci/{id}/";
    const string UpdatePath = "/api/v1/ci/dbt_cloud/{id}/";

    /// <summary>
    /// Every operation of this interface, none of them in Datafold's published API file (which documents CI runs and
    /// their trigger under /api/v1/ci/{ci_config_id}/, but no CI config itself): the list of what is assumed.
    /// </summary>
    static readonly IReadOnlyList<(string Method, string Path)> AssumedOperations =
        [("POST", CreatePath), ("GET", ListPath), ("GET", ConfigPath), ("PUT", UpdatePath), ("DELETE", ConfigPath)];

    [Post(CreatePath)]
    Task<DbtCloudCiConfig> CreateAsync([Body] DbtCloudCiConfig config, CancellationToken cancellationToken);

    [Get(ConfigPath)]
    Task<DbtCloudCiConfig> GetAsync(long id, CancellationToken cancellationToken);

    [Put(UpdatePath)]
    Task<DbtCloudCiConfig> UpdateAsync(long id, [Body] DbtCloudCiConfig config, CancellationToken cancellationToken);

    [Delete(ConfigPath)]
    Task DeleteAsync(long id, CancellationToken cancellationToken);

    [Get(ListPath)]
    Task<List<DbtCloudCiConfig>> ListAsync(string type, int limit, int offset, CancellationToken cancellationToken);
}
