using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Http;

namespace DbtTfProvider.Parts;

/// <summary>
/// Describes the API clients' exceptions for users: what happened, the service's own words, the field it rejected
/// (the framework maps it to the attribute) and whether it means "the object does not exist".
/// </summary>
internal static class ApiErrors
{
    public static ApiErrorDescription? Describe(Exception exception) => exception switch
    {
        ServiceApiException api => new ApiErrorDescription(Summary(api), Detail(api), api.FieldErrors.FirstOrDefault()?.DottedPath,
            IsNotFound: api.Kind == ApiErrorKind.NotFound),
        AmbiguousRequestException ambiguous => new ApiErrorDescription("Request outcome unknown",
            $"{ambiguous.Message}. Repeated attempts could not tell whether the service made the change; run `terraform plan` to see the current state, then apply again."),
        CreateNotResolvedException unresolved => new ApiErrorDescription(unresolved.Summary, unresolved.Message),
        ServiceUnavailableException unavailable => new ApiErrorDescription("Service unreachable",
            $"{unavailable.Message}. Check the host setting of the provider and the network, or raise max_retries / timeout_seconds."),
        _ => null,
    };

    private static string Summary(ServiceApiException e) => e.Kind switch
    {
        ApiErrorKind.Validation => $"{e.Service} rejected the request",
        ApiErrorKind.Unauthorized => $"{e.Service} rejected the credentials",
        ApiErrorKind.Forbidden => $"Not permitted by {e.Service}",
        ApiErrorKind.NotFound => $"Not found in {e.Service}",
        ApiErrorKind.Conflict => $"Conflict in {e.Service}",
        ApiErrorKind.RateLimited => $"{e.Service} rate limit reached",
        ApiErrorKind.Server => $"{e.Service} server error",
        _ => $"Unexpected answer from {e.Service}",
    };

    private static string Detail(ServiceApiException e)
    {
        var hint = e.Kind switch
        {
            ApiErrorKind.Unauthorized => " Check the provider's credential setting (or its environment variable).",
            ApiErrorKind.Forbidden => " The credential is valid but lacks a permission for this object, or an IP allow-list blocks it.",
            ApiErrorKind.RateLimited => " All retries were spent; wait a minute, or raise max_retries.",
            ApiErrorKind.Server => " The service kept failing after every retry; try again later.",
            _ => "",
        };
        return e.Message + (e.Message.EndsWith('.') ? "" : ".") + hint;
    }
}
