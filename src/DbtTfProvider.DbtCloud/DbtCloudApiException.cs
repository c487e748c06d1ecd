using System.Net;
using System.Text.Json;
using DbtTfProvider.Http;

namespace DbtTfProvider.DbtCloud;

/// <summary>
/// An error answer of dbt Cloud, in its words: <see cref="UserMessage"/> and <see cref="DeveloperMessage"/> from the
/// envelope, and for a 400 the field map flattened into (path, message) pairs, e.g. ("schedule.date.cron", "invalid cron").
/// dbt Cloud often answers 404 rather than 403 when the token lacks permission. A 404 whose message is only about
/// permissions has <see cref="ApiErrorKind.Forbidden"/>, so that a lost permission is not taken for a deleted object; the
/// generic "X was not found, or this token does not have permission to access it" stays
/// <see cref="ApiErrorKind.NotFound"/> (it is also what a deleted object answers) with <see cref="MentionsPermission"/> set;
/// such a 404 is only ever taken for "deleted" after the clients confirm it (a second read with the job's project still
/// visible, or the token list), and then as <see cref="ObjectGoneException"/>. A 404 without the
/// envelope is not dbt Cloud speaking (a proxy's or web server's page, a host_url without <c>/api</c>): it has
/// <see cref="ApiErrorKind.Unexpected"/> and <see cref="IsServiceAnswer"/> false, and never means "not found".
/// </summary>
public sealed class DbtCloudApiException : ServiceApiException
{
    public const string ServiceName = "dbt Cloud";

    public DbtCloudApiException(string summary, HttpStatusCode? statusCode, ApiErrorKind kind, IReadOnlyList<ApiFieldError> fieldErrors,
        string? userMessage, string? developerMessage, string? requestMethod, string? requestPath, Exception? inner = null,
        bool isServiceAnswer = true)
        : base(ServiceName, summary, statusCode, kind, fieldErrors, requestMethod, requestPath, inner)
    {
        IsServiceAnswer = isServiceAnswer;
        UserMessage = userMessage;
        DeveloperMessage = developerMessage;
        MentionsPermission = (userMessage ?? "").Contains("permission", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>False when the error answer did not carry dbt Cloud's envelope, so something else answered.</summary>
    public bool IsServiceAnswer { get; }

    /// <summary>A 404 in dbt Cloud's own words that does not only blame permissions: the object may be gone (to be confirmed).</summary>
    public override bool IsServiceNotFound => Kind == ApiErrorKind.NotFound && IsServiceAnswer;

    public override DbtCloudApiException WithReason(string reason) =>
        new($"{Summary.TrimEnd('.')}; {reason}", StatusCode, Kind, FieldErrors, UserMessage, DeveloperMessage, RequestMethod, RequestPath, this, IsServiceAnswer);

    /// <summary>The service's message names permissions as a (possible) cause.</summary>
    public bool MentionsPermission { get; }

    public string? UserMessage { get; }

    public string? DeveloperMessage { get; }

    internal static DbtCloudApiException FromEnvelopeStatus(DbtStatus status, string what) =>
        new(status.UserMessage ?? $"{what} failed", status.Code == 0 ? null : (HttpStatusCode)status.Code,
            status.Code == 0 ? ApiErrorKind.Unexpected : KindOf((HttpStatusCode)status.Code), [], status.UserMessage, status.DeveloperMessage, null, null);

    /// <summary>Refit's exception factory: null for a success, else the typed error read from the envelope.</summary>
    internal static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return null;
        var status = response.StatusCode;
        var method = response.RequestMessage?.Method.Method;
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        string? userMessage = null, developerMessage = null;
        var fieldErrors = new List<ApiFieldError>();
        var enveloped = false;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (body.Length > 0)
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("status", out var envelopeStatus) && envelopeStatus.ValueKind == JsonValueKind.Object)
                    {
                        enveloped = true;
                        userMessage = NonEmptyString(envelopeStatus, "user_message");
                        developerMessage = NonEmptyString(envelopeStatus, "developer_message");
                    }
                    if (status == HttpStatusCode.BadRequest && root.TryGetProperty("data", out var data))
                        FieldErrorMap.Flatten(data, fieldErrors);
                }
            }
        }
        catch (JsonException)
        {
            // Not the envelope (a proxy's page, say): the status alone has to do.
        }

        var kind = KindOf(status);
        if (status == HttpStatusCode.NotFound && !enveloped)
            return new DbtCloudApiException(
                $"not dbt Cloud's answer (no JSON envelope): the address does not lead to the dbt Cloud API " +
                "(a proxy's or web server's page?), so it says nothing about the object",
                status, ApiErrorKind.Unexpected, [], null, null, method, path, isServiceAnswer: false);
        if (status == HttpStatusCode.NotFound && userMessage is not null
            && userMessage.Contains("permission", StringComparison.OrdinalIgnoreCase)
            && !userMessage.Contains("not found", StringComparison.OrdinalIgnoreCase))
            kind = ApiErrorKind.Forbidden;
        var summary = userMessage ?? developerMessage ?? $"{(int)status} {response.ReasonPhrase}".TrimEnd();
        return new DbtCloudApiException(summary, status, kind, fieldErrors, userMessage, developerMessage, method, path);
    }

    private static string? NonEmptyString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
