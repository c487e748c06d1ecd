using DbtTfProvider.Emulator.Admin;
using DbtTfProvider.Emulator.Datafold;
using DbtTfProvider.Emulator.DbtCloud;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.Hosting;

/// <summary>
/// The cross-cutting behaviour of both emulated APIs: trailing slashes, a body in the API's shape on every API error,
/// and a web server's HTML 404 page outside the API prefixes (as a host_url without <c>/api</c> would meet).
/// </summary>
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

    /// <summary>
    /// Every error answer under an API prefix has a body in the API's own shape, also the framework's 404 (no route)
    /// and 405. Elsewhere (an unknown path prefix) the answer is an HTML page without envelope or detail, as a proxy or
    /// the web application in front of the API would send it.
    /// </summary>
    public static async Task ErrorBodiesAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode < 400 || response.HasStarted || response.ContentType is not null
            || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        if (!IsApiPath(context.Request.Path))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(NotFoundPage, context.RequestAborted);
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

    /// <summary>The page a web server in front of the API answers for a path it does not know.</summary>
    internal const string NotFoundPage =
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>" +
        "<p>The requested URL was not found on this server.</p></body></html>\n";

    private static bool IsApiPath(PathString path) =>
        DbtAuth.Applies(path) || DatafoldAuth.Applies(path) || path.StartsWithSegments(AdminEndpoints.Prefix);

    private static Task RedirectAsync(HttpContext context, string target)
    {
        var status = DbtAuth.Applies(context.Request.Path) ? StatusCodes.Status301MovedPermanently : StatusCodes.Status307TemporaryRedirect;
        return new StatusOnlyResult(status, target + context.Request.QueryString).ExecuteAsync(context);
    }
}
