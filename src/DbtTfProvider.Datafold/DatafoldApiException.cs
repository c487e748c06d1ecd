using System.Globalization;
using System.Net;
using System.Text.Json;
using DbtTfProvider.Http;

namespace DbtTfProvider.Datafold;

/// <summary>
/// An error answer of Datafold: <see cref="Detail"/> for {"detail": "message"}, and for a 422 the <c>loc</c> of each
/// error as a field path without its leading "body" (["body","dbt_cloud","artifacts_job_id"] -> dbt_cloud.artifacts_job_id).
/// A 404 without a JSON <c>detail</c> is not Datafold speaking (a proxy's or web server's page, a wrong host path): it has
/// <see cref="ApiErrorKind.Unexpected"/> and never means "not found".
/// </summary>
public sealed class DatafoldApiException : ServiceApiException
{
    public const string ServiceName = "Datafold";

    public DatafoldApiException(string summary, HttpStatusCode? statusCode, ApiErrorKind kind, IReadOnlyList<ApiFieldError> fieldErrors,
        string? detail, string? requestMethod, string? requestPath, long? existingId = null, Exception? inner = null)
        : base(ServiceName, summary, statusCode, kind, fieldErrors, requestMethod, requestPath, inner)
    {
        Detail = detail;
        ExistingId = existingId;
    }

    /// <summary>A 404 in Datafold's own words: the object may be gone (to be confirmed).</summary>
    public override bool IsServiceNotFound => Kind == ApiErrorKind.NotFound && Detail is not null;

    public override DatafoldApiException WithReason(string reason) =>
        new($"{Summary.TrimEnd('.')}; {reason}", StatusCode, Kind, FieldErrors, Detail, RequestMethod, RequestPath, ExistingId, this);

    /// <summary>The service's "detail" when it was a string.</summary>
    public string? Detail { get; }

    /// <summary>For a name conflict: the id of the CI config that has the name.</summary>
    public long? ExistingId { get; }

    internal static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return null;
        var status = response.StatusCode;
        string? detail = null;
        var fieldErrors = new List<ApiFieldError>();
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (body.Length > 0)
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detailElement))
                {
                    if (detailElement.ValueKind == JsonValueKind.String)
                        detail = detailElement.GetString();
                    else if (detailElement.ValueKind == JsonValueKind.Array)
                        foreach (var error in detailElement.EnumerateArray())
                            if (ReadValidationError(error) is { } fieldError)
                                fieldErrors.Add(fieldError);
                }
            }
        }
        catch (JsonException)
        {
            // Not Datafold's error shape (a proxy's page, say): the status alone has to do.
        }

        if (status == HttpStatusCode.NotFound && detail is null)
            return new DatafoldApiException(
                $"not Datafold's answer (no JSON detail): the address does not lead to the Datafold API " +
                "(a proxy's or web server's page?), so it says nothing about the object",
                status, ApiErrorKind.Unexpected, [], null, response.RequestMessage?.Method.Method, response.RequestMessage?.RequestUri?.AbsolutePath);
        var summary = detail
            ?? (fieldErrors.Count > 0 ? "the request was rejected" : null)
            ?? $"{(int)status} {response.ReasonPhrase}".TrimEnd();
        return new DatafoldApiException(summary, status, KindOf(status), fieldErrors, detail,
            response.RequestMessage?.Method.Method, response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    /// <summary>{"loc": ["body", "dbt_cloud", "artifacts_job_id"], "msg": "...", "type": "..."}.</summary>
    private static ApiFieldError? ReadValidationError(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
            return null;
        var message = error.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() ?? "" : "invalid value";
        var path = new List<string>();
        if (error.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
            foreach (var segment in loc.EnumerateArray())
                path.Add(segment.ValueKind == JsonValueKind.Number ? segment.GetInt64().ToString(CultureInfo.InvariantCulture) : segment.GetString() ?? "");
        // The body's fields are what a caller maps to its attributes; "query" or "path" locations stay whole.
        if (path.Count > 0 && path[0] == "body")
            path.RemoveAt(0);
        return new ApiFieldError(path, message);
    }
}
