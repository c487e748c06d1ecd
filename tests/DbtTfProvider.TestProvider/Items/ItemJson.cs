using System.Text.Json.Serialization;

namespace DbtTfProvider.TestProvider.Items;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ItemRecord))]
internal sealed partial class ItemJson : JsonSerializerContext;
