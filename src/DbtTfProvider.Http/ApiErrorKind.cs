namespace DbtTfProvider.Http;

/// <summary>What kind of refusal an API answer is; callers decide on this, not on status codes.</summary>
public enum ApiErrorKind
{
    /// <summary>400 or 422: the request was rejected; <see cref="ServiceApiException.FieldErrors"/> says where when the service said so.</summary>
    Validation,
    /// <summary>401: the credential is not valid.</summary>
    Unauthorized,
    /// <summary>403, or a 404 whose message blames permissions: the object may exist but cannot be seen.</summary>
    Forbidden,
    /// <summary>404: the object does not exist (or is deleted).</summary>
    NotFound,
    /// <summary>409: the object conflicts with one that exists.</summary>
    Conflict,
    /// <summary>429 after all retries.</summary>
    RateLimited,
    /// <summary>5xx after all retries.</summary>
    Server,
    /// <summary>Any other answer, or one this client cannot read.</summary>
    Unexpected,
    /// <summary>A collection route answered the service's 404 itself: this host does not serve that kind of object at all.</summary>
    NotServed,
}
