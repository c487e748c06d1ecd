using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

public sealed record Answer(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)
{
    /// <summary>The dbt Cloud envelope's data.</summary>
    public JsonNode Data => Body!["data"]!;

    public string UserMessage => (string)Body!["status"]!["user_message"]!;

    public override string ToString() => $"{(int)Status} {Body?.ToJsonString()}";
}
