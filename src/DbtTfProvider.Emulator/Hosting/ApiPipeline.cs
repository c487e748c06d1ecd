using DbtTfProvider.Emulator.Admin;
using DbtTfProvider.Emulator.Datafold;
using DbtTfProvider.Emulator.DbtCloud;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.Hosting;

/// <summary>The cross-cutting behaviour of both emulated APIs: trailing slashes, and a body on every error.</summary>
internal static class ApiPipeline
{
    /// <summary>
    /// dbt Cloud paths end with '/' and the real service redirects the others (301 here); Datafold is FastAPI,
    /// which redirects to the declared form with 307. ASP.NET routing ignores a trailing slash, hence this check.
    /// </summary>
    public static Task TrailingSlashAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<ApiRoute>() is not null)
        {
            var wantsSlash = (endpoint.RoutePattern.RawText ?? "").EndsWith('/');
            if (wantsSlash != path.EndsWith('/'))
            {
                return RedirectAsync(context, wantsSlash ? path + "/" : path.TrimEnd('/'));
            }
        }
        return next(context);
    }

    /// <summary>Every error answer has a body in the API's own shape, also the framework's 404 (no route) and 405.</summary>
    public static async Task ErrorBodiesAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode < 400 || response.HasStarted || response.ContentType is not null
            || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        var message = response.StatusCode switch
        {
            404 => DbtAuth.Applies(context.Request.Path) ? "Not found." : "Not Found",
            405 => "Method Not Allowed",
            _ => $"HTTP {response.StatusCode}",
        };
        var body = DbtAuth.Applies(context.Request.Path)
            ? DbtResponses.Envelope(response.StatusCode, message, null)
            : DatafoldResponses.Detail(message);
        await new JsonNodeResult(response.StatusCode, body).ExecuteAsync(context);
    }

    private static Task RedirectAsync(HttpContext context, string target)
    {
        var status = DbtAuth.Applies(context.Request.Path) ? StatusCodes.Status301MovedPermanently : StatusCodes.Status307TemporaryRedirect;
        return new StatusOnlyResult(status, target + context.Request.QueryString).ExecuteAsync(context);
    }
}
