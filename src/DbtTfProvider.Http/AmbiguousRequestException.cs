using System.Net;

namespace DbtTfProvider.Http;

/// <summary>
/// A non-idempotent request (a create) failed in a way that does not tell whether the service processed it: a timeout,
/// a connection reset or a 5xx after the request was sent. Retrying blindly could create a duplicate, so the caller
/// must first look for what the request may have created.
/// </summary>
public sealed class AmbiguousRequestException : Exception
{
    public AmbiguousRequestException(string method, string path, string reason, HttpStatusCode? statusCode, int attempts, Exception? inner)
        : base($"{method} {path}: {reason}; the service may or may not have processed the request", inner)
    {
        Method = method;
        Path = path;
        Reason = reason;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    public string Method { get; }

    /// <summary>The request's path (no host, no query).</summary>
    public string Path { get; }

    public string Reason { get; }

    /// <summary>The status of the ambiguous answer, or null when no answer came (timeout, reset).</summary>
    public HttpStatusCode? StatusCode { get; }

    public int Attempts { get; }
}
