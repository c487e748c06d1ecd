using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Datafold;
using DbtTfProvider.Emulator.DbtCloud;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>
/// Applies the fault rules to API requests (never to /_emulator/): latency, an error status (with Retry-After),
/// a reset connection before processing, or "commit then fail": processed and stored, but the client only sees
/// a 500 (or a reset), as when a response is lost on the way back.
/// </summary>
internal static class FaultInjection
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, FaultRules rules)
    {
        if (context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix))
        {
            await next(context);
            return;
        }
        var decision = rules.Decide(context.Request.Method, context.Request.Path.Value ?? "/");
        if (decision.LatencyMs > 0)
        {
            await Task.Delay(decision.LatencyMs, context.RequestAborted);
        }
        switch (decision.Kind)
        {
            case FaultRule.Status:
                await FailAsync(context, decision);
                return;
            case FaultRule.Reset:
                context.Abort();
                return;
            case FaultRule.CommitThenFail:
                await CommitThenFailAsync(context, next, decision);
                return;
            default:
                await next(context);
                return;
        }
    }

    private static async Task CommitThenFailAsync(HttpContext context, RequestDelegate next, FaultRules.Decision decision)
    {
        var realBody = context.Response.Body;
        // The answer goes into a buffer that is thrown away, so nothing reaches the client before the failure.
        using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = realBody;
        }
        if (decision.StatusCode == 0)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        await FailAsync(context, decision);
    }

    private static Task FailAsync(HttpContext context, FaultRules.Decision decision)
    {
        if (decision.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var status = decision.StatusCode;
        var message = status switch
        {
            429 => "Rate limit exceeded. Please try again later.",
            503 => "Service temporarily unavailable.",
            // Worded as the service words a real not-found, so that a count-limited 404 looks like a lagging replica.
            404 when DbtAuth.Applies(context.Request.Path) => "The requested resource was not found, or this token does not have permission to access it.",
            404 => "Not Found",
            _ => $"Injected fault: HTTP {status}.",
        };
        JsonNode body = DbtAuth.Applies(context.Request.Path)
            ? DbtResponses.Envelope(status, message, null)
            : DatafoldResponses.Detail(message);
        return new JsonNodeResult(status, body).ExecuteAsync(context);
    }
}
