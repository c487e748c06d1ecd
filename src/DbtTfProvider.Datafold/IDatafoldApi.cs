using System.Text.Json.Serialization;
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

public sealed class OrganizationMeta
{
    public long OrgId { get; set; }
    public string? OrgName { get; set; }
    public long? UserId { get; set; }
}

/// <summary>A data source as the published file describes it (a <c>type</c>-discriminated union; the fields every variant has).</summary>
public sealed class DataSource
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>One of the 27 values of the discriminator, e.g. pg, snowflake, bigquery, aws_s3, mongodb.</summary>
    public string? Type { get; set; }
    /// <summary>Whether the API key's user may use it (an admin, or a member of one of its groups); default true.</summary>
    public bool Accessible { get; set; } = true;
    /// <summary>"boolean or null", default false.</summary>
    public bool? IsPaused { get; set; }
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
