using System.Net;

namespace DbtTfProvider.Http;

/// <summary>An error answer of a service, in the service's own words; the base of each client's exception type.</summary>
public abstract class ServiceApiException : Exception
{
    protected ServiceApiException(string service, string summary, HttpStatusCode? statusCode, ApiErrorKind kind,
        IReadOnlyList<ApiFieldError> fieldErrors, string? requestMethod, string? requestPath, Exception? inner = null)
        : base(BuildMessage(service, summary, statusCode, fieldErrors, requestMethod, requestPath), inner)
    {
        Service = service;
        Summary = summary;
        StatusCode = statusCode;
        Kind = kind;
        FieldErrors = fieldErrors;
        RequestMethod = requestMethod;
        RequestPath = requestPath;
    }

    /// <summary>"dbt Cloud" or "Datafold".</summary>
    public string Service { get; }

    /// <summary>The service's own message, without the request and status decoration of <see cref="Exception.Message"/>.</summary>
    public string Summary { get; }

    /// <summary>The HTTP status, or null when the client concluded the error itself from a successful answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    public ApiErrorKind Kind { get; }

    /// <summary>A 404 in the service's own error shape that does not only blame permissions: the object may be gone (to be confirmed).</summary>
    public abstract bool IsServiceNotFound { get; }

    /// <summary>The same error with why it does not prove anything added to its summary.</summary>
    public abstract ServiceApiException WithReason(string reason);

    public IReadOnlyList<ApiFieldError> FieldErrors { get; }

    public string? RequestMethod { get; }

    /// <summary>Path of the failed request (no host, no query).</summary>
    public string? RequestPath { get; }

    public static ApiErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        400 or 422 => ApiErrorKind.Validation,
        401 => ApiErrorKind.Unauthorized,
        403 => ApiErrorKind.Forbidden,
        404 or 410 => ApiErrorKind.NotFound,
        409 => ApiErrorKind.Conflict,
        429 => ApiErrorKind.RateLimited,
        >= 500 and <= 599 => ApiErrorKind.Server,
        _ => ApiErrorKind.Unexpected,
    };

    /// <summary>
    /// "dbt Cloud: POST /path answered 400: summary (field: reason; ...)". A reason the summary already says is not said
    /// again: its field alone is named ("(at environment_id)"), and a reason without a field is left out.
    /// </summary>
    private static string BuildMessage(string service, string summary, HttpStatusCode? status, IReadOnlyList<ApiFieldError> fieldErrors,
        string? method, string? path)
    {
        var where = method is null ? service : $"{service}: {method} {path}";
        var head = status is { } s ? $"{where} answered {(int)s}: {summary}" : $"{where}: {summary}";
        var details = fieldErrors
            .Select(e => !summary.Contains(e.Message, StringComparison.Ordinal) ? e.ToString() : e.Path.Count == 0 ? null : $"at {e.DottedPath}")
            .OfType<string>().Distinct().ToList();
        return details.Count == 0 ? head : $"{head} ({string.Join("; ", details)})";
    }
}
