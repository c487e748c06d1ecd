namespace DbtTfProvider.Http;

/// <summary>Whether sending a request twice has the same effect as sending it once.</summary>
public enum RequestIdempotency
{
    /// <summary>Decided by the method: GET, HEAD, OPTIONS, PUT and DELETE are idempotent; POST and PATCH are not.</summary>
    ByMethod = 0,
    Idempotent,
    NonIdempotent,
}
