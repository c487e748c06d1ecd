using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Datafold;
using DbtTfProvider.Emulator.DbtCloud;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>
/// Applies the fault rules to API requests (never to /_emulator/): latency, an error status (with Retry-After),
/// a reset connection before processing, "commit then fail": processed and stored, but the client only sees
/// an error status (or a reset), as when a response is lost on the way back, or "slow commit": processed late, also
/// when the client has given up waiting by then.
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
            case FaultRule.SlowCommit:
                await SlowCommitAsync(context, next, decision);
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

    private static async Task SlowCommitAsync(HttpContext context, RequestDelegate next, FaultRules.Decision decision)
    {
        // Read the whole body while the client is there, then wait without watching the connection: the request is
        // handled even if the client has hung up by then (the endpoints stop on RequestAborted, so it is replaced).
        context.Request.EnableBuffering();
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Request.Body.Position = 0;
        var clientGone = context.RequestAborted;
        context.RequestAborted = CancellationToken.None;
        await Task.Delay(decision.CommitDelayMs);

        var realBody = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = realBody;
        }
        if (!clientGone.IsCancellationRequested)
        {
            answer.Position = 0;
            try
            {
                await answer.CopyToAsync(realBody, clientGone);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client hung up while the answer was sent: the commit stands all the same.
            }
        }
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
