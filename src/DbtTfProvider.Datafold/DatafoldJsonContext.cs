using System.Text.Json.Serialization;
using DbtTfProvider.Datafold.CiConfigContract;

namespace DbtTfProvider.Datafold;

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
