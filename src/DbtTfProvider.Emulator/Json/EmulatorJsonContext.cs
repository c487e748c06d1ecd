using System.Text.Json.Serialization;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Json;

/// <summary>Source-generated serialization for the stored objects and the seed (snake_case like both APIs).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(EmulatorSeed))]
[JsonSerializable(typeof(ServiceToken))]
[JsonSerializable(typeof(ServiceTokenGrant))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(CiConfig))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
