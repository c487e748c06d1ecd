using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Parts;

/// <summary>
/// The settings both parts share (one setting when both personas run in one process), and the translation of a
/// client's option errors into a diagnostic on the setting at fault.
/// </summary>
internal static class ConnectionSettings
{
    public const long MaxRetriesLimit = 20;
    public const long TimeoutSecondsLimit = 3600;

    /// <summary>What <see cref="ServiceEndpoint.Problem"/> checks in every host setting, at validate time and again on configure (environment values).</summary>
    public const string HostUrlRule = "an absolute https:// URL (http:// only for loopback hosts), without credentials, query or fragment";

    public static void Define<TConfig>(SchemaBuilder<TConfig> s, FieldRef<TConfig, TfInt64> maxRetries, FieldRef<TConfig, TfInt64> timeoutSeconds)
        where TConfig : class, new()
    {
        s.Int64("max_retries", maxRetries).Optional().Range(0, MaxRetriesLimit)
            .Description("How many times a request is retried after a rate limit (429), a server error (5xx) or a network error, " +
                         "with exponential backoff and jitter, honouring `Retry-After`. `0` disables retries. Default: `4`. " +
                         "A create is only retried when the service surely did not process it, so retries never create duplicates.");
        s.Int64("timeout_seconds", timeoutSeconds).Optional().Range(1, TimeoutSecondsLimit)
            .Description("Time in seconds one HTTP request may take before it is abandoned (and retried). Default: `30`.");
    }

    public static int? ToInt(TfInt64 value) => value.IsKnown ? checked((int)value.Value) : null;

    /// <summary>Builds a client, turning a rejected option (bad URL, empty token) into an error on that setting.</summary>
    public static TClient Build<TClient>(Func<TClient> create, string provider)
    {
        try
        {
            return create();
        }
        catch (ClientOptionsException e)
        {
            throw new ResourceException($"Invalid {provider} provider setting", e.Message + ".", CtyPath.Attribute(e.OptionName));
        }
    }
}
