using System.Text.Encodings.Web;

namespace DbtTfProvider.Emulator.Json;

/// <summary>An answer with a status and no body (204, redirects).</summary>
internal sealed class StatusOnlyResult(int statusCode, string? location = null) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }
        return Task.CompletedTask;
    }
}
