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
