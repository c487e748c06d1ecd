namespace DbtTfProvider.Http;

/// <summary>Retry and timeout settings of <see cref="ResilienceHandler"/>.</summary>
public sealed record ResilienceOptions
{
    /// <summary>The providers' <c>max_retries</c> default.</summary>
    public const int DefaultMaxRetries = 4;

    /// <summary>The providers' <c>timeout_seconds</c> default.</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>Retries after the first attempt (0 = one attempt only).</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>Time one attempt may take, until its whole answer is read.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>Time all attempts and waits of one call may take together.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Upper bound of the first wait; each retry doubles it (full jitter: the wait is uniform in [0, bound]).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of any wait between attempts, a server's <c>Retry-After</c> included.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Clock for the deadline and the attempt timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Waits between attempts; tests replace it so that they never sleep. Null: a real delay on <see cref="TimeProvider"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Source of jitter, uniform in [0, 1).</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    /// <summary>
    /// Applies the provider-facing settings (max_retries, timeout_seconds per attempt) to a baseline; the total
    /// deadline grows if needed so that at least one whole attempt fits.
    /// </summary>
    public static ResilienceOptions FromProviderSettings(int? maxRetries, int? timeoutSeconds, ResilienceOptions? baseline = null)
    {
        var options = baseline ?? new ResilienceOptions();
        if (maxRetries is { } retries)
        {
            if (retries < 0)
                throw new ClientOptionsException("max_retries", $"max_retries must be 0 or more, not {retries}");
            options = options with { MaxRetries = retries };
        }
        if (timeoutSeconds is { } seconds)
        {
            if (seconds <= 0)
                throw new ClientOptionsException("timeout_seconds", $"timeout_seconds must be more than 0, not {seconds}");
            var attempt = TimeSpan.FromSeconds(seconds);
            options = options with { AttemptTimeout = attempt, TotalTimeout = options.TotalTimeout > attempt ? options.TotalTimeout : attempt };
        }
        options.Validate();
        return options;
    }

    internal void Validate()
    {
        if (MaxRetries < 0) throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "must be 0 or more");
        RequirePositive(AttemptTimeout, nameof(AttemptTimeout));
        RequirePositive(TotalTimeout, nameof(TotalTimeout));
        if (BaseDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, "must not be negative");
        if (MaxDelay < BaseDelay) throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "must be at least BaseDelay");
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, "must be positive");
    }
}
