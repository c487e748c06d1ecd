using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed class DatafoldSeed
{
    /// <summary>
    /// False: the host has no CI-config routes, as Datafold's current app (us.datafold.com, eub.datafold.com, dedicated
    /// deployments): CI integrations exist only in Datafold Classic. Every /api/v1/ci/ request then gets FastAPI's
    /// route-level 404 {"detail": "Not Found"}.
    /// </summary>
    public bool CiConfigRoutes { get; set; } = true;

    /// <summary>
    /// False: GET /api/v1/organization/meta answers FastAPI's route-level 404. It is not in Datafold's published API
    /// file (only its data-diff client calls it), so a host may not serve it.
    /// </summary>
    public bool OrganizationMetaRoute { get; set; } = true;

    public IReadOnlyList<SeedOrganization> Organizations { get; set; } = [];
    public IReadOnlyList<SeedDataSource> DataSources { get; set; } = [];
    public IReadOnlyList<SeedRepository> Repositories { get; set; } = [];
}
