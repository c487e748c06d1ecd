using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Json;

/// <summary>Writes a JSON tree with a status code; every emulator answer goes through here.</summary>
internal sealed class JsonNodeResult(int statusCode, JsonNode? body) : IResult
{
    // Plain '+' and quotes in timestamps and messages, as the real services print them (the body is never HTML).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body, WriterOptions);
        if (body is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            body.WriteTo(writer);
        }
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
