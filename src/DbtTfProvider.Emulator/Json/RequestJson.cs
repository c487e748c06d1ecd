using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Json;

/// <summary>The request body as a JSON tree, or why it is not one.</summary>
internal readonly record struct RequestJson(JsonNode? Body, string? ParseError)
{
    public bool IsValid => ParseError is null;

    public static async Task<RequestJson> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return new RequestJson(null, "The request body is empty; a JSON document was expected.");
        }
        try
        {
            return new RequestJson(JsonNode.Parse(buffer.ToArray()), null);
        }
        catch (JsonException e)
        {
            return new RequestJson(null, $"The request body is not valid JSON: {e.Message}");
        }
    }
}
