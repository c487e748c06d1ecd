using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Clients.Tests;

/// <summary>A transport that answers from a script and records what it was sent (body read at send time).</summary>
internal sealed class ScriptedTransport : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _answer;
    private readonly List<RecordedRequest> _requests = [];

    public ScriptedTransport(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> answer) => _answer = answer;

    /// <summary>Answers the i-th call (0-based) with steps[i], the last step repeating.</summary>
    public static ScriptedTransport Steps(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) =>
        new((request, index, token) => steps[Math.Min(index, steps.Length - 1)](request, token));

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_requests) return [.. _requests]; } }

    public int Count { get { lock (_requests) return _requests.Count; } }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, body,
                // As on the wire: User-Agent product tokens are separated by spaces, other multi-valued headers by commas.
                request.Headers.ToDictionary(h => h.Key, h => string.Join(h.Key == "User-Agent" ? " " : ",", h.Value)),
                request.Content?.Headers.ContentType?.MediaType));
        }
        var response = await _answer(request, index, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, string? Body, IReadOnlyDictionary<string, string> Headers, string? ContentType);

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

/// <summary>Collects formatted log lines, to check what is (and is not) logged.</summary>
internal sealed class ListLoggerFactory : ILoggerFactory, ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    public ILogger CreateLogger(string categoryName) => this;
    public void AddProvider(ILoggerProvider provider) { }
    public void Dispose() { }
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
            _lines.Add($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
    }
}
