using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.DbtCloud;

namespace DbtTfProvider.Emulator.Admin;

internal static class ErrorEcho
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ErrorEchoMode mode)
    {
        if (!mode.Enabled || context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix))
        {
            await next(context);
            return;
        }
        context.Request.EnableBuffering();
        var realBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = realBody;
        }
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        var body = buffer.ToArray();
        if (context.Response.StatusCode >= 400 && body.Length > 0)
        {
            body = await EchoAsync(context, body);
            context.Response.ContentLength = body.Length;
        }
        await realBody.WriteAsync(body, context.RequestAborted);
    }

    private static async Task<byte[]> EchoAsync(HttpContext context, byte[] answer)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            return answer;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        var credential = space < 0 ? header : header[(space + 1)..].Trim();
        context.Request.Body.Position = 0;
        var sent = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        JsonNode? request = null;
        try
        {
            request = sent.Length > 0 ? JsonNode.Parse(sent) : null;
        }
        catch (JsonException)
        {
        }
        var echo = $"(credential \"{credential}\"; request body {(sent.Length > 0 ? sent : "empty")})";

        if (DbtAuth.Applies(context.Request.Path) && root?["status"] is JsonObject status)
        {
            status["user_message"] = $"{(string?)status["user_message"]} {echo}";
            status["developer_message"] = $"Authorization: {header}; body: {sent}";
            if (root["data"] is JsonNode data && context.Response.StatusCode == 400)
            {
                EchoFieldReasons(data, request);
            }
        }
        else if (root is JsonObject error && error["detail"] is JsonNode detail)
        {
            if (detail is JsonValue)
            {
                error["detail"] = $"{(string?)detail} {echo}";
            }
            else if (detail is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    var loc = (item["loc"] as JsonArray)?.Select(step => step?.GetValueKind() == JsonValueKind.Number ? (object)(int)step : (string?)step ?? "")
                        .Skip(1).ToList() ?? [];
                    var input = At(request, loc);
                    item["input"] = input?.DeepClone();
                    item["msg"] = $"{(string?)item["msg"]} (got {input?.ToJsonString() ?? "nothing"}; credential \"{credential}\")";
                }
            }
        }
        return Encoding.UTF8.GetBytes(root?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null");
    }

    /// <summary>dbt Cloud's 400 data mirrors the request: each reason gets the value sent at the same place.</summary>
    private static void EchoFieldReasons(JsonNode reasons, JsonNode? request)
    {
        switch (reasons)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue leaf && leaf.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = $"{(string?)leaf} (got {request?[key]?.ToJsonString() ?? "nothing"})";
                    }
                    else if (child is not null)
                    {
                        EchoFieldReasons(child, request is JsonObject r ? r[key] : null);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = $"{(string?)leaf} (got {request?.ToJsonString() ?? "nothing"})";
                    }
                    else if (array[i] is { } child)
                    {
                        EchoFieldReasons(child, request is JsonArray r && i < r.Count ? r[i] : null);
                    }
                }
                break;
        }
    }

    private static JsonNode? At(JsonNode? node, IReadOnlyList<object> path)
    {
        foreach (var step in path)
        {
            node = (step, node) switch
            {
                (int index, JsonArray array) when index < array.Count => array[index],
                (string key, JsonObject obj) => obj[key],
                _ => null,
            };
        }
        return node;
    }
}
