using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Http;

namespace DbtTfProvider.Parts;

/// <summary>
/// Describes one service's client exceptions for users: what happened, the service's own words, the fields it rejected
/// (the framework maps each to its attribute) and whether the client confirmed that the object no longer exists. Only
/// <see cref="ObjectGoneException"/> is "gone": the clients decide it; a plain 404 is an error that keeps the state.
/// The settings it advises checking come from the part's <see cref="ServiceProfile"/>.
/// </summary>
public sealed class ServiceErrorMapper(ServiceProfile profile)
{
    /// <summary>The advice appended to a message, and whether it already names the host setting.</summary>
    private readonly record struct Advice(string Text, bool NamesHost = false);

    public ApiErrorDescription? Describe(Exception exception) => Explain(exception)?.Description;

    /// <summary>
    /// The description, and whether it already tells the user to check the host setting (the configurator adds that
    /// advice to a failed credential check otherwise).
    /// </summary>
    internal (ApiErrorDescription Description, bool NamesHost)? Explain(Exception exception)
    {
        switch (exception)
        {
            case ObjectGoneException gone:
                return (new ApiErrorDescription($"Gone from {gone.Service}", gone.Message + ".", IsConfirmedGone: true), false);
            case ServiceApiException api:
                var advice = AdviceFor(api);
                return (new ApiErrorDescription(Summary(api), api.Message + (api.Message.EndsWith('.') ? "" : ".") + advice.Text, FieldErrors(api),
                    FieldSummary: api.Kind == ApiErrorKind.Validation ? what => $"{api.Service} rejected {what}" : null), advice.NamesHost);
            case AmbiguousRequestException ambiguous:
                return (new ApiErrorDescription("Request outcome unknown",
                    $"{ambiguous.Message}. Repeated attempts could not tell whether the service made the change; run `terraform plan` to see the current state, then apply again."), false);
            case CreateNotResolvedException unresolved:
                return (new ApiErrorDescription(unresolved.Summary, unresolved.Message), false);
            // A name DNS does not know is a typo: no advice to retry (it was not retried either).
            case ServiceUnavailableException { UnknownHost: not null } unknown:
                return (new ApiErrorDescription("Host not found",
                    $"{unknown.Message}. Check the provider's {profile.Host.WithVariable} for a typo."), true);
            case ServiceUnavailableException unavailable:
                return (new ApiErrorDescription("Service unreachable",
                    $"{unavailable.Message}. Check the provider's {profile.Host.WithVariable} and the network (DNS, proxy, firewall), or raise " +
                    "max_retries / timeout_seconds. Objects in state stay there until the service can be asked."), true);
            default:
                return null;
        }
    }

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

    private Advice AdviceFor(ServiceApiException e) => e.Kind switch
    {
        ApiErrorKind.Unauthorized => new(" Check the provider's credential setting (or its environment variable)."),
        ApiErrorKind.Forbidden => new(" The credential is valid but lacks a permission for this object, or an IP allow-list blocks it. " +
                                      "The object may still exist, so it stays in state: check the token's permissions."),
        ApiErrorKind.NotFound => new($" {e.Service} did not confirm that the object was deleted, so it stays in state. Check the credential's " +
                                     $"permissions, and that the provider's {ObjectScope()} are the ones it was created with; then run the command again.", NamesHost: true),
        ApiErrorKind.Unexpected when e.StatusCode == System.Net.HttpStatusCode.NotFound =>
            new($" Objects in state stay there. Check the provider's {profile.Host.WithVariable}: {profile.HostMeaning}.", NamesHost: true),
        ApiErrorKind.RateLimited => new(" All retries were spent; wait a minute, or raise max_retries."),
        ApiErrorKind.Server => new(" The service kept failing after every retry; try again later."),
        _ => new(""),
    };

    /// <summary>"host_url, account_id and token (DBT_CLOUD_HOST_URL, DBT_CLOUD_ACCOUNT_ID, DBT_CLOUD_TOKEN)".</summary>
    private string ObjectScope()
    {
        var settings = profile.ObjectScope.ToList();
        var names = settings.Select(s => s.Name).ToList();
        var listed = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return $"{listed} ({string.Join(", ", settings.Select(s => s.EnvironmentVariable))})";
    }
}
