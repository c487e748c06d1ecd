using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Http;

namespace DbtTfProvider.Parts;

/// <summary>
/// Describes the API clients' exceptions for users: what happened, the service's own words, the fields it rejected
/// (the framework maps each to its attribute) and whether the client confirmed that the object no longer exists. Only
/// <see cref="ObjectGoneException"/> is "gone": the clients decide it; a plain 404 is an error that keeps the state.
/// </summary>
internal static class ApiErrors
{
    public static ApiErrorDescription? Describe(Exception exception) => exception switch
    {
        ObjectGoneException gone => new ApiErrorDescription($"Gone from {gone.Service}", gone.Message + ".", IsConfirmedGone: true),
        ServiceApiException api => new ApiErrorDescription(Summary(api), Detail(api), FieldErrors(api),
            FieldSummary: api.Kind == ApiErrorKind.Validation ? what => $"{api.Service} rejected {what}" : null),
        AmbiguousRequestException ambiguous => new ApiErrorDescription("Request outcome unknown",
            $"{ambiguous.Message}. Repeated attempts could not tell whether the service made the change; run `terraform plan` to see the current state, then apply again."),
        CreateNotResolvedException unresolved => new ApiErrorDescription(unresolved.Summary, unresolved.Message),
        // A name DNS does not know is a typo: no advice to retry (it was not retried either).
        ServiceUnavailableException { UnknownHost: not null } unknown => new ApiErrorDescription("Host not found",
            $"{unknown.Message}. Check the provider's {HostSetting(unknown.Path)} for a typo."),
        ServiceUnavailableException unavailable => new ApiErrorDescription("Service unreachable",
            $"{unavailable.Message}. Check the provider's {HostSetting(unavailable.Path)} and the network (DNS, proxy, firewall), or raise " +
            "max_retries / timeout_seconds. Objects in state stay there until the service can be asked."),
        _ => null,
    };

    /// <summary>
    /// A validation error's fields, each with the service's reason and where it came from: the framework puts each at
    /// its attribute. Reasons about the request as a whole (no field) stay in the error's own detail, unless some
    /// field has a reason too: then they become one more entry without a field, so nothing the service said is lost.
    /// </summary>
    private static List<ApiFieldProblem>? FieldErrors(ServiceApiException e)
    {
        if (e.Kind != ApiErrorKind.Validation || !e.FieldErrors.Any(f => f.Path.Count > 0)) return null;
        var answered = $"{e.RequestMethod} {e.RequestPath} answered {(int?)e.StatusCode}";
        var problems = e.FieldErrors.Where(f => f.Path.Count > 0)
            .Select(f => new ApiFieldProblem(f.DottedPath, $"{f.Message.TrimEnd('.')}. ({answered} at {f.DottedPath}.)")).ToList();
        var general = e.FieldErrors.Where(f => f.Path.Count == 0).Select(f => f.Message.TrimEnd('.')).ToList();
        if (general.Count > 0) problems.Add(new ApiFieldProblem("", $"{e.Summary.TrimEnd('.')}: {string.Join("; ", general)}. ({answered}.)"));
        return problems;
    }

    private static string Summary(ServiceApiException e) => e.Kind switch
    {
        ApiErrorKind.Validation => $"{e.Service} rejected the request",
        ApiErrorKind.Unauthorized => $"{e.Service} rejected the credentials",
        ApiErrorKind.Forbidden => $"Not permitted by {e.Service}",
        ApiErrorKind.NotFound => $"Not found in {e.Service}",
        ApiErrorKind.Unexpected when e.StatusCode == System.Net.HttpStatusCode.NotFound => $"Not the {e.Service} API",
        ApiErrorKind.NotServed => $"Not served by this {e.Service} host",
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
            ApiErrorKind.Forbidden => " The credential is valid but lacks a permission for this object, or an IP allow-list blocks it. " +
                                      "The object may still exist, so it stays in state: check the token's permissions.",
            ApiErrorKind.NotFound => $" {e.Service} did not confirm that the object was deleted, so it stays in state. Check the credential's " +
                                     $"permissions, and that the provider's {Settings(e)} are the ones it was created with; then run the command again.",
            ApiErrorKind.Unexpected when e.StatusCode == System.Net.HttpStatusCode.NotFound =>
                $" Objects in state stay there. Check the provider's {HostSetting(e)}.",
            ApiErrorKind.RateLimited => " All retries were spent; wait a minute, or raise max_retries.",
            ApiErrorKind.Server => " The service kept failing after every retry; try again later.",
            _ => "",
        };
        return e.Message + (e.Message.EndsWith('.') ? "" : ".") + hint;
    }

    private static string HostSetting(ServiceApiException e) => e.Service == "Datafold"
        ? "host (or DATAFOLD_HOST): the Datafold application's URL, e.g. https://app.datafold.com"
        : "host_url (or DBT_CLOUD_HOST_URL): your dbt Cloud access URL, e.g. https://cloud.getdbt.com or https://emea.dbt.com (with or without /api)";

    private static string Settings(ServiceApiException e) => e.Service == "Datafold"
        ? "host and api_key (DATAFOLD_HOST, DATAFOLD_API_KEY)"
        : "host_url, account_id and token (DBT_CLOUD_HOST_URL, DBT_CLOUD_ACCOUNT_ID, DBT_CLOUD_TOKEN)";

    /// <summary>Datafold's paths start with /api/v1; dbt Cloud's are /v2 or /v3 under host_url.</summary>
    private static string HostSetting(string path) => path.Contains("/api/v1/", StringComparison.Ordinal)
        ? "host (or DATAFOLD_HOST)"
        : "host_url (or DBT_CLOUD_HOST_URL)";
}
