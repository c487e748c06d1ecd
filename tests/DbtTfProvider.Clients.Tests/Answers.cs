using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Clients.Tests;

internal static class Answers
{
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Status(int status, string? json = null,
        TimeSpan? retryAfter = null, DateTimeOffset? retryAfterDate = null) => (_, _) =>
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        if (json is not null)
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (retryAfter is { } delta)
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delta);
        if (retryAfterDate is { } date)
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(date);
        return Task.FromResult(response);
    };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Throw(Exception error) => (_, _) => Task.FromException<HttpResponseMessage>(error);

    public static HttpRequestException ConnectionRefused() =>
        new(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    public static HttpRequestException ResponseEnded() =>
        new(HttpRequestError.ResponseEnded, "An error occurred while sending the request.", new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

    /// <summary>dbt Cloud's envelope around data.</summary>
    public static string Envelope(int code, string data, string userMessage = "Success!", string developerMessage = "") =>
        $$"""{"status": {"code": {{code}}, "is_success": {{(code < 400 ? "true" : "false")}}, "user_message": "{{userMessage}}", "developer_message": "{{developerMessage}}"}, "data": {{data}}}""";
}
