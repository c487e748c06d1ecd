using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Clients.Tests.Emulator;

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class EmulatorAdminJson : System.Text.Json.Serialization.JsonSerializerContext;
