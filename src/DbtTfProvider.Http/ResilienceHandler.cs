using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Http;

/// <summary>
/// Retries transient failures of one HTTP call: 408, 429, 500, 502, 503, 504 and transport errors (the statuses dbt Labs'
/// own client retries), with exponential backoff
/// and full jitter, honouring <c>Retry-After</c>, within a per-attempt timeout and a total deadline. A request that is
/// not idempotent (see <see cref="RequestIdempotencyOptions"/>) is retried only after failures that prove the service
/// did not process it; any other failure of such a request surfaces as <see cref="AmbiguousRequestException"/>.
/// </summary>
/// <remarks>
/// What proves "not processed": no connection was made (DNS, connection refused, connect timeout, a TLS handshake cut
/// off, proxy tunnel) or a 429 (the rate limiter rejects before the request is handled). Every 5xx (a 503 with
/// <c>Retry-After</c> too: a service may commit and then shed the answer), a 408 (a proxy may time out a request the
/// service goes on to process), a reset or a timeout after the request was
/// sent may come after the service committed the change, so they are ambiguous. A TLS authentication failure (the
/// server's certificate is not trusted) and a host name that DNS says does not exist are not transient and are never retried.
/// After the last attempt a retryable answer is returned as it is (the client turns it into its typed error); a
/// transport failure becomes <see cref="ServiceUnavailableException"/>. Cancellation by the caller's token is
/// propagated at once, also while waiting between attempts; the stop of <see cref="RequestStop"/> ends the call before
/// a further attempt or during a wait, never during an attempt. Only the method and path are logged: never headers,
/// query strings or bodies.
/// </remarks>
public sealed partial class ResilienceHandler : DelegatingHandler
{
    private readonly ResilienceOptions _options;
    private readonly ILogger _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public ResilienceHandler(ResilienceOptions options, ILogger logger)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        var time = options.TimeProvider;
        _delay = options.Delay ?? ((delay, token) => Task.Delay(delay, time, token));
    }

    public ResilienceHandler(ResilienceOptions options, ILogger logger, HttpMessageHandler innerHandler)
        : this(options, logger) => InnerHandler = innerHandler;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? "";
        var idempotent = request.IsIdempotent();
        var stop = RequestStop.Current;
        var time = _options.TimeProvider;
        var start = time.GetTimestamp();
        TimeSpan Remaining() => _options.TotalTimeout - time.GetElapsedTime(start);

        // A body is sent again on a retry, so it must be re-readable.
        if (request.Content is not null)
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var remaining = Remaining();
            if (remaining <= TimeSpan.Zero)
                throw new ServiceUnavailableException(method, path, $"no answer within the total timeout of {Format(_options.TotalTimeout)}", attempt - 1, null);

            var outcome = await SendOnceAsync(request, remaining < _options.AttemptTimeout ? remaining : _options.AttemptTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (!outcome.Retryable)
            {
                // Any other 5xx (501, 507, ...) is not worth a retry, but after a create it is just as unclear.
                if (!idempotent && outcome.Response is { } answer && (int)answer.StatusCode is >= 500 and <= 599)
                {
                    var reason = $"answered {(int)answer.StatusCode} {answer.ReasonPhrase}".TrimEnd();
                    answer.Dispose();
                    LogAmbiguous(_logger, method, path, reason);
                    throw new AmbiguousRequestException(method, path, reason, answer.StatusCode, attempt, null);
                }
                return outcome.Response ?? throw new ServiceUnavailableException(method, path, outcome.Reason, attempt, outcome.Error, outcome.UnknownHost);
            }

            if (!outcome.NotProcessed && !idempotent)
            {
                var status = outcome.Response?.StatusCode;
                outcome.Response?.Dispose();
                LogAmbiguous(_logger, method, path, outcome.Reason);
                throw new AmbiguousRequestException(method, path, outcome.Reason, status, attempt, outcome.Error);
            }

            var delay = NextDelay(outcome, attempt);
            var giveUpReason = attempt > _options.MaxRetries ? "no retries left"
                : delay >= Remaining() ? "the total timeout leaves no time for another attempt"
                : null;
            if (giveUpReason is not null)
            {
                LogGiveUp(_logger, method, path, outcome.Reason, attempt, giveUpReason);
                if (outcome.Response is { } last)
                    return last;
                throw new ServiceUnavailableException(method, path, outcome.Reason, attempt, outcome.Error);
            }

            LogRetry(_logger, method, path, outcome.Reason, attempt, _options.MaxRetries, (long)delay.TotalMilliseconds);
            outcome.Response?.Dispose();
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop))
                await _delay(delay, wait.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            // Stopped: no further attempt. The attempts so far were not processed (a non-idempotent request gets here
            // only after those), so nothing is left behind.
            stop.ThrowIfCancellationRequested();
        }
    }

    private async Task<Outcome> SendOnceAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken callerToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, timeoutSource.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            // Read the whole answer inside the attempt: the attempt timeout then covers the body, and an answer cut
            // off half-way is handled like any other transport failure.
            await response.Content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
            LogAttempt(_logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? "", (int)response.StatusCode);
            return ClassifyResponse(response);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or OperationCanceledException)
        {
            response?.Dispose();
            callerToken.ThrowIfCancellationRequested();
            if (timeoutSource.IsCancellationRequested)
                return Outcome.Failure($"no answer within {Format(timeout)}", notProcessed: false, error);
            return ClassifyTransportError(error, request.RequestUri?.IdnHost);
        }
    }

    private Outcome ClassifyResponse(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfter(response);
        var reason = $"answered {status} {response.ReasonPhrase}".TrimEnd();
        return status switch
        {
            429 => Outcome.RetryableAnswer(response, reason, notProcessed: true, retryAfter),
            408 or 500 or 502 or 503 or 504 => Outcome.RetryableAnswer(response, reason, notProcessed: false, retryAfter),
            _ => Outcome.Final(response),
        };
    }

    private static Outcome ClassifyTransportError(Exception error, string? host) => error switch
    {
        // DNS answered that the name does not exist (not a resolver that failed to answer: that is retried): a typo in
        // the host, which no retry changes. Failing at once says so instead of minutes of backoff.
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError, InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound } } =>
            Outcome.Fatal($"the host name \"{host}\" was not found (DNS knows no such name); not retried", error) with { UnknownHost = host },
        // The handshake completed far enough to reject the certificate (or the protocol): retrying cannot change that.
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError, InnerException: AuthenticationException auth } =>
            Outcome.Fatal($"TLS authentication failed ({auth.Message.TrimEnd('.')}); not retried: check the host and its certificate", error),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } e =>
            Outcome.Failure($"could not connect ({e.HttpRequestError})", notProcessed: true, error),
        // SocketsHttpHandler's ConnectTimeout: an OperationCanceledException wrapping a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } =>
            Outcome.Failure("could not connect (connect timeout)", notProcessed: true, error),
        HttpRequestException e => Outcome.Failure($"transport error after sending ({e.HttpRequestError})", notProcessed: false, error),
        _ => Outcome.Failure($"transport error after sending ({error.GetType().Name})", notProcessed: false, error),
    };

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
            return null;
        var delay = header.Delta ?? (header.Date is { } date ? date - _options.TimeProvider.GetUtcNow() : (TimeSpan?)null);
        return delay is { } d && d < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    /// <summary>The server's Retry-After when given, else full jitter: uniform in [0, min(MaxDelay, BaseDelay * 2^(attempt-1))].</summary>
    internal TimeSpan NextDelay(TimeSpan? retryAfter, int attempt)
    {
        if (retryAfter is { } serverDelay)
            return serverDelay < _options.MaxDelay ? serverDelay : _options.MaxDelay;
        var bound = Math.Min(_options.MaxDelay.Ticks, _options.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 62)));
        return TimeSpan.FromTicks((long)(bound * Math.Clamp(_options.Random(), 0, 1)));
    }

    private TimeSpan NextDelay(Outcome outcome, int attempt) => NextDelay(outcome.RetryAfter, attempt);

    private static string Format(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";

    private readonly record struct Outcome(HttpResponseMessage? Response, bool Retryable, bool NotProcessed, string Reason, TimeSpan? RetryAfter, Exception? Error)
    {
        /// <summary>Set when DNS knows no such host (see <see cref="ServiceUnavailableException.UnknownHost"/>).</summary>
        public string? UnknownHost { get; init; }

        public static Outcome Final(HttpResponseMessage response) => new(response, false, false, "", null, null);

        public static Outcome RetryableAnswer(HttpResponseMessage response, string reason, bool notProcessed, TimeSpan? retryAfter) =>
            new(response, true, notProcessed, reason, retryAfter, null);

        public static Outcome Failure(string reason, bool notProcessed, Exception error) => new(null, true, notProcessed, reason, null, error);

        /// <summary>A failure that no retry can change; nothing was sent.</summary>
        public static Outcome Fatal(string reason, Exception error) => new(null, false, true, reason, null, error);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status}")]
    private static partial void LogAttempt(ILogger logger, string method, string path, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: {Reason}; retry {Retry} of {MaxRetries} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, string path, string reason, int retry, int maxRetries, long delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: {Reason} after {Attempts} attempt(s); giving up: {GiveUpReason}")]
    private static partial void LogGiveUp(ILogger logger, string method, string path, string reason, int attempts, string giveUpReason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: {Reason}; not retried: the request is not idempotent and may have been processed")]
    private static partial void LogAmbiguous(ILogger logger, string method, string path, string reason);
}
