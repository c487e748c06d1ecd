using System.Text.Json.Serialization;
using Refit;

namespace DbtTfProvider.Datafold;

/// <summary>Datafold's documented endpoints this provider uses.</summary>
internal interface IDatafoldApi
{
    [Get("/api/v1/organization/meta")]
    Task<OrganizationMeta> GetOrganizationMetaAsync(CancellationToken cancellationToken);

    [Get("/api/v1/data_sources")]
    Task<List<DataSource>> ListDataSourcesAsync(CancellationToken cancellationToken);

    [Get("/api/v1/data_sources/{id}")]
    Task<DataSource> GetDataSourceAsync(long id, CancellationToken cancellationToken);
}

public sealed class OrganizationMeta
{
    public long OrgId { get; set; }
    public string? OrgName { get; set; }
    public long? UserId { get; set; }
}

public sealed class DataSource
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Type { get; set; }
}

/// <summary>Datafold wire types (snake_case; unknown answer fields skipped).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(OrganizationMeta))]
[JsonSerializable(typeof(DataSource))]
[JsonSerializable(typeof(List<DataSource>))]
[JsonSerializable(typeof(DbtCloudCiConfig))]
[JsonSerializable(typeof(List<DbtCloudCiConfig>))]
public sealed partial class DatafoldJsonContext : JsonSerializerContext;
