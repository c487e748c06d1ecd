using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;

namespace DbtTfProvider.Parts;

/// <summary>
/// The settings both parts share (one setting when both personas run in one process).
/// </summary>
internal static class ConnectionSettings
{
    public const long MaxRetriesLimit = 20;
    public const long TimeoutSecondsLimit = 3600;

    /// <summary>What every host setting is checked for (<see cref="ServiceEndpoint.Check"/>), at validate time and again on configure (environment values).</summary>
    public const string HostUrlRule = "an https:// URL (http:// only for loopback hosts), without credentials, query or fragment, in one of the accepted forms";

    public static void Define<TConfig>(SchemaBuilder<TConfig> s, FieldRef<TConfig, TfInt64> maxRetries, FieldRef<TConfig, TfInt64> timeoutSeconds)
        where TConfig : class, new()
    {
        s.Int64("max_retries", maxRetries).Optional().Default(ResilienceOptions.DefaultMaxRetries).Range(0, MaxRetriesLimit)
            .Description("How many times a request is retried after a rate limit (429), a server error (5xx) or a network error, " +
                         "with exponential backoff and jitter, honouring `Retry-After`. `0` disables retries. " +
                         "A create is only retried when the service surely did not process it, so retries never create duplicates. " +
                         "A host name that DNS does not know is never retried.");
        s.Int64("timeout_seconds", timeoutSeconds).Optional().Default(ResilienceOptions.DefaultTimeoutSeconds).Range(1, TimeoutSecondsLimit)
            .Description("Time in seconds one HTTP request may take before it is abandoned (and retried).");
    }

    public static int? ToInt(TfInt64 value) => value.IsKnown ? checked((int)value.Value) : null;
}
