using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.Datafold;

/// <summary>FastAPI's answers: {"detail": "message"} for errors, {"detail": [{loc, msg, type}]} for 422.</summary>
internal static class DatafoldResponses
{
    public static IResult Ok(JsonNode? body) => new JsonNodeResult(200, body);

    public static JsonObject Detail(string message) => new() { ["detail"] = message };

    public static IResult Error(int status, string message) => new JsonNodeResult(status, Detail(message));

    /// <summary>422 with each error's loc starting at <paramref name="origin"/> ("body" or "query").</summary>
    public static IResult Unprocessable(IEnumerable<FieldError> errors, string origin = "body")
    {
        var detail = new JsonArray();
        foreach (var error in errors)
        {
            var loc = new JsonArray(origin);
            foreach (var step in error.Path)
            {
                loc.Add(step is int index ? (JsonNode)index : (JsonNode)(string)step);
            }
            detail.Add((JsonNode)new JsonObject { ["loc"] = loc, ["msg"] = error.Message, ["type"] = error.Type });
        }
        return new JsonNodeResult(422, new JsonObject { ["detail"] = detail });
    }

    public static IResult InvalidJson(string reason) =>
        new JsonNodeResult(422, new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject
            {
                ["loc"] = new JsonArray("body", 0),
                ["msg"] = "JSON decode error",
                ["type"] = "json_invalid",
                ["ctx"] = new JsonObject { ["error"] = reason },
            }),
        });
}
