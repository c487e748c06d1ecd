namespace DbtTfProvider.Http;

/// <summary>A request got no usable answer: every attempt failed in transport, or the total deadline passed.</summary>
public sealed class ServiceUnavailableException : Exception
{
    public ServiceUnavailableException(string method, string path, string reason, int attempts, Exception? inner, string? unknownHost = null)
        : base($"{method} {path}: {reason} (after {attempts} attempt{(attempts == 1 ? "" : "s")})", inner)
    {
        Method = method;
        Path = path;
        Reason = reason;
        Attempts = attempts;
        UnknownHost = unknownHost;
    }

    /// <summary>
    /// The host name that DNS answered does not exist (a typo, most often), when that is why: no retry could change it,
    /// so it was not retried, and the fix is the address, not more retries.
    /// </summary>
    public string? UnknownHost { get; }

    public string Method { get; }
    public string Path { get; }
    public string Reason { get; }
    public int Attempts { get; }
}
