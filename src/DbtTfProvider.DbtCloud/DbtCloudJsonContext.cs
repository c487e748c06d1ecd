using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

/// <summary>All wire types, snake_case; unknown answer fields are skipped (or kept in a job's ExtensionData).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(DbtEnvelope<List<DbtAccount>>))]
[JsonSerializable(typeof(DbtEnvelope<List<DbtProject>>))]
[JsonSerializable(typeof(DbtEnvelope<List<DbtEnvironment>>))]
[JsonSerializable(typeof(DbtEnvelope<ServiceToken>))]
[JsonSerializable(typeof(DbtEnvelope<List<ServiceToken>>))]
[JsonSerializable(typeof(DbtEnvelope<List<ServiceTokenGrant>>))]
[JsonSerializable(typeof(DbtEnvelope<DbtJob>))]
[JsonSerializable(typeof(DbtEnvelope<List<DbtJob>>))]
[JsonSerializable(typeof(DbtEnvelope<DbtRun>))]
[JsonSerializable(typeof(DbtEnvelope<List<DbtRun>>))]
[JsonSerializable(typeof(ServiceTokenCreateRequest))]
[JsonSerializable(typeof(ServiceTokenRenameRequest))]
[JsonSerializable(typeof(List<ServiceTokenGrantRequest>))]
[JsonSerializable(typeof(DbtJob))]
[JsonSerializable(typeof(RunTriggerRequest))]
public sealed partial class DbtCloudJsonContext : JsonSerializerContext;
