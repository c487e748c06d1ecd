using System.Net;
using System.Net.Sockets;
using System.Text;
using DbtTfProvider.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DbtTfProvider.Clients.Tests;

public sealed class ResilienceHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _waits = [];

    private ResilienceOptions Options(int maxRetries = 3, double random = 0.999999, TimeSpan? total = null, TimeSpan? attempt = null) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        AttemptTimeout = attempt ?? TimeSpan.FromSeconds(10),
        TotalTimeout = total ?? TimeSpan.FromMinutes(5),
        TimeProvider = _time,
        Random = () => random,
        // Waits cost no real time: they move the fake clock.
        Delay = (delay, token) =>
        {
            token.ThrowIfCancellationRequested();
            _waits.Add(delay);
            _time.Advance(delay);
            return Task.CompletedTask;
        },
    };

    private static async Task<HttpResponseMessage> SendAsync(ResilienceOptions options, HttpMessageHandler transport, HttpMethod method,
        RequestIdempotency idempotency = RequestIdempotency.ByMethod, Microsoft.Extensions.Logging.ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        using var invoker = new HttpMessageInvoker(new ResilienceHandler(options, logger ?? NullLogger.Instance, transport));
        using var request = new HttpRequestMessage(method, "https://api.test/api/v2/accounts/1/jobs/");
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
            request.Content = new StringContent("""{"name": "Datafold artifacts"}""", Encoding.UTF8, "application/json");
        if (idempotency != RequestIdempotency.ByMethod)
            request.SetIdempotency(idempotency);
        return await invoker.SendAsync(request, cancellationToken);
    }

    [Fact]
    public async Task Backoff_doubles_per_retry_until_an_answer_succeeds()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(503), Answers.Status(502), Answers.Status(500), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, transport.Count);
        Assert.Equal(3, _waits.Count);
        double[] bounds = [1, 2, 4];
        for (var i = 0; i < 3; i++)
            Assert.InRange(_waits[i].TotalSeconds, bounds[i] * 0.99, bounds[i]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(0.999999)]
    public void Full_jitter_stays_within_the_exponential_bound_and_the_cap(double random)
    {
        var handler = new ResilienceHandler(Options(random: random), NullLogger.Instance);
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            var bound = Math.Min(30, Math.Pow(2, attempt - 1));
            var delay = handler.NextDelay(null, attempt);
            Assert.InRange(delay.TotalSeconds, 0, bound);
            Assert.Equal(bound * random, delay.TotalSeconds, 3);
        }
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_exactly()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(429, retryAfter: TimeSpan.FromSeconds(7)), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7)], _waits);
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_waited_until_that_date()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(503, retryAfterDate: _time.GetUtcNow().AddSeconds(12)), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(12)], _waits);
    }

    [Fact]
    public async Task Retry_after_is_capped_at_max_delay()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(429, retryAfter: TimeSpan.FromHours(1)), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Get);

        Assert.Equal([TimeSpan.FromSeconds(30)], _waits);
    }

    [Fact]
    public async Task After_max_retries_the_last_answer_is_returned()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(503));

        using var response = await SendAsync(Options(maxRetries: 2), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, transport.Count);
    }

    [Fact]
    public async Task Total_deadline_stops_retrying_when_the_next_wait_would_pass_it()
    {
        // Waits of 1, 2, 4, 8 s: after 1 + 2 + 4 = 7 s, the 8 s wait would pass the 10 s deadline.
        var transport = ScriptedTransport.Steps(Answers.Status(500));

        using var response = await SendAsync(Options(maxRetries: 10, total: TimeSpan.FromSeconds(10)), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, transport.Count);
        Assert.True(_time.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried_for_an_idempotent_request()
    {
        var attemptTimeout = TimeSpan.FromSeconds(10);
        var transport = ScriptedTransport.Steps(HangUntilTimeout(attemptTimeout), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(attempt: attemptTimeout), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task The_total_deadline_also_bounds_a_hanging_attempt()
    {
        // One attempt may take 60 s, but the whole call only 10 s: the attempt is cut at 10 s, and nothing is left.
        var transport = ScriptedTransport.Steps(HangUntilTimeout(TimeSpan.FromSeconds(10)));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() =>
            SendAsync(Options(total: TimeSpan.FromSeconds(10), attempt: TimeSpan.FromSeconds(60)), transport, HttpMethod.Get));

        Assert.Equal(1, transport.Count);
        Assert.Contains("no answer within 10 s", error.Message);
    }

    [Fact]
    public async Task A_create_that_times_out_is_ambiguous_and_not_retried()
    {
        var attemptTimeout = TimeSpan.FromSeconds(10);
        var transport = ScriptedTransport.Steps(HangUntilTimeout(attemptTimeout), Answers.Status(201, "{}"));

        var error = await Assert.ThrowsAsync<AmbiguousRequestException>(() => SendAsync(Options(attempt: attemptTimeout), transport, HttpMethod.Post));

        Assert.Equal(1, transport.Count);
        Assert.Null(error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/api/v2/accounts/1/jobs/", error.Path);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_create_answered_with_5xx_or_408_is_ambiguous_and_not_retried(int status)
    {
        var transport = ScriptedTransport.Steps(Answers.Status(status), Answers.Status(201, "{}"));

        var error = await Assert.ThrowsAsync<AmbiguousRequestException>(() => SendAsync(Options(), transport, HttpMethod.Post));

        Assert.Equal(1, transport.Count);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }

    [Fact]
    public async Task A_read_answered_408_is_retried_like_dbt_labs_client_does()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(408), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task A_create_cut_off_after_sending_is_ambiguous_and_not_retried()
    {
        var transport = ScriptedTransport.Steps(Answers.Throw(Answers.ResponseEnded()), Answers.Status(201, "{}"));

        await Assert.ThrowsAsync<AmbiguousRequestException>(() => SendAsync(Options(), transport, HttpMethod.Post));

        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task A_create_is_retried_after_connection_refused_with_the_same_body()
    {
        var transport = ScriptedTransport.Steps(Answers.Throw(Answers.ConnectionRefused()), Answers.Status(201, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, transport.Count);
        Assert.All(transport.Requests, r => Assert.Equal("""{"name": "Datafold artifacts"}""", r.Body));
    }

    [Fact]
    public async Task A_create_is_retried_after_a_connect_timeout()
    {
        var connectTimeout = new TaskCanceledException("The operation was canceled.", new TimeoutException("A connection could not be established within the configured ConnectTimeout."));
        var transport = ScriptedTransport.Steps(Answers.Throw(connectTimeout), Answers.Status(201, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task A_create_is_retried_after_429_because_it_was_rejected()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(429, retryAfter: TimeSpan.FromSeconds(2)), Answers.Status(201, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, transport.Count);
        Assert.Equal([TimeSpan.FromSeconds(2)], _waits);
    }

    [Fact]
    public async Task A_503_with_retry_after_leaves_a_create_unclear_because_the_service_may_have_committed_it()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(503, retryAfter: TimeSpan.FromSeconds(1)), Answers.Status(201, "{}"));

        var error = await Assert.ThrowsAsync<AmbiguousRequestException>(() => SendAsync(Options(), transport, HttpMethod.Post));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task Any_other_5xx_after_a_create_is_unclear_too()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(507), Answers.Status(201, "{}"));

        var error = await Assert.ThrowsAsync<AmbiguousRequestException>(() => SendAsync(Options(), transport, HttpMethod.Post));

        Assert.Equal(HttpStatusCode.InsufficientStorage, error.StatusCode);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task A_read_is_still_retried_after_503_with_retry_after()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(503, retryAfter: TimeSpan.FromSeconds(1)), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(1)], _waits);
    }

    [Fact]
    public async Task A_tls_authentication_failure_is_not_retried()
    {
        var untrusted = new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.",
            new System.Security.Authentication.AuthenticationException("The remote certificate is invalid according to the validation procedure."));
        var transport = ScriptedTransport.Steps(Answers.Throw(untrusted), Answers.Status(200, "{}"));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => SendAsync(Options(), transport, HttpMethod.Get));

        Assert.Equal(1, transport.Count);
        Assert.Empty(_waits);
        Assert.Contains("TLS authentication failed (The remote certificate is invalid", error.Message);
    }

    [Fact]
    public async Task A_host_name_that_DNS_does_not_know_fails_at_once_naming_the_host()
    {
        var unknown = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (api.test:443)",
            new SocketException((int)SocketError.HostNotFound));
        var transport = ScriptedTransport.Steps(Answers.Throw(unknown), Answers.Status(200, "{}"));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => SendAsync(Options(), transport, HttpMethod.Get));

        Assert.Equal(1, transport.Count);
        Assert.Empty(_waits);
        Assert.Equal("api.test", error.UnknownHost);
        Assert.Contains("the host name \"api.test\" was not found", error.Message);
    }

    [Fact]
    public async Task A_resolver_that_did_not_answer_is_retried()
    {
        var noAnswer = new HttpRequestException(HttpRequestError.NameResolutionError, "Resource temporarily unavailable (api.test:443)",
            new SocketException((int)SocketError.TryAgain));
        var transport = ScriptedTransport.Steps(Answers.Throw(noAnswer), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task A_tls_handshake_cut_off_is_still_retried()
    {
        var cutOff = new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.",
            new IOException("Received an unexpected EOF or 0 bytes from the transport stream."));
        var transport = ScriptedTransport.Steps(Answers.Throw(cutOff), Answers.Status(201, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task The_stop_ends_the_retries_of_an_unprocessed_create_but_never_the_attempt_in_flight()
    {
        using var stop = new CancellationTokenSource();
        var transport = new ScriptedTransport((_, index, _) =>
        {
            // Terraform stops while the first attempt is on the wire: that attempt still gets its answer (a 429).
            stop.Cancel();
            return Answers.Status(429, retryAfter: TimeSpan.FromSeconds(5))(null!, default);
        });

        using (RequestStop.Enter(stop.Token))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(Options(), transport, HttpMethod.Post));

        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task A_post_marked_idempotent_is_retried_after_500()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(500), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Post, RequestIdempotency.Idempotent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task A_put_is_retried_after_a_reset()
    {
        var transport = ScriptedTransport.Steps(Answers.Throw(Answers.ResponseEnded()), Answers.Status(200, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Put);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Client_errors_are_answered_at_once(int status)
    {
        var transport = ScriptedTransport.Steps(Answers.Status(status, "{}"));

        using var response = await SendAsync(Options(), transport, HttpMethod.Post);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal(1, transport.Count);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task Transport_failures_on_every_attempt_end_in_ServiceUnavailableException()
    {
        var transport = ScriptedTransport.Steps(Answers.Throw(Answers.ConnectionRefused()));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => SendAsync(Options(maxRetries: 2), transport, HttpMethod.Post));

        Assert.Equal(3, transport.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("could not connect", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_between_attempts_at_once()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(503));
        using var cancellation = new CancellationTokenSource();
        var waiting = new TaskCompletionSource();
        var options = Options() with
        {
            // A real wait that only the token can end.
            Delay = (delay, token) =>
            {
                waiting.TrySetResult();
                return Task.Delay(Timeout.InfiniteTimeSpan, token);
            },
        };

        var call = SendAsync(options, transport, HttpMethod.Get, cancellationToken: cancellation.Token);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task Cancellation_during_an_attempt_is_not_retried_nor_reported_as_ambiguous()
    {
        using var cancellation = new CancellationTokenSource();
        var sent = new TaskCompletionSource();
        var transport = ScriptedTransport.Steps(async (_, token) =>
        {
            sent.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var call = SendAsync(Options(), transport, HttpMethod.Post, cancellationToken: cancellation.Token);
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsNotType<AmbiguousRequestException>(error);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task Retries_are_logged_without_headers_or_bodies()
    {
        var logs = new ListLoggerFactory();
        var transport = ScriptedTransport.Steps(Answers.Status(503, "{\"token_string\": \"dbtc_secret\"}"), Answers.Status(200, "{}"));
        using var invoker = new HttpMessageInvoker(new ResilienceHandler(Options(), logs.CreateLogger("test"), transport));
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://api.test/api/v3/accounts/1/service-tokens/5/?q=dbtc_query_secret");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", "dbtc_secret");
        request.Content = new StringContent("{\"name\": \"dbtc_secret\"}");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Contains(logs.Lines, line => line.StartsWith("Warning: PUT /api/v3/accounts/1/service-tokens/5/: answered 503", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Over_real_sockets_a_refused_connection_is_retried_for_a_create()
    {
        // A port that was just free: nothing listens, so the kernel refuses the connection before anything is sent.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var invoker = new HttpMessageInvoker(new ResilienceHandler(Options(maxRetries: 2), NullLogger.Instance, new SocketsHttpHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/api/v2/accounts/1/jobs/") { Content = new StringContent("{}") };

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(2, _waits.Count);
    }

    [Fact]
    public async Task Over_real_sockets_a_connection_dropped_after_the_request_makes_a_create_ambiguous()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requestsSeen = 0;
        var server = Task.Run(async () =>
        {
            // Read the request, then close without answering: the service may have processed it.
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[8192];
            var received = await socket.ReceiveAsync(buffer);
            if (received > 0)
                Interlocked.Increment(ref requestsSeen);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        using var invoker = new HttpMessageInvoker(new ResilienceHandler(Options(), NullLogger.Instance, new SocketsHttpHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/api/v2/accounts/1/jobs/") { Content = new StringContent("{}") };

        await Assert.ThrowsAsync<AmbiguousRequestException>(() => invoker.SendAsync(request, CancellationToken.None));
        await server.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, requestsSeen);
        Assert.Empty(_waits);
    }

    /// <summary>An attempt that hangs until the attempt timeout fires; the fake clock is moved past it.</summary>
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> HangUntilTimeout(TimeSpan timeout) => async (_, token) =>
    {
        _time.Advance(timeout);
        await Task.Delay(Timeout.InfiniteTimeSpan, token);
        return new HttpResponseMessage(HttpStatusCode.OK);
    };
}
