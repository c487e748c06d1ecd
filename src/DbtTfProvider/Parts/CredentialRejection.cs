using DbtTfProvider.Http;

namespace DbtTfProvider.Parts;

/// <summary>
/// How a service's refusal of the credential check (<see cref="Kinds"/>) is told: the setting at fault, the summary,
/// and a detail built from the configured client (its address, its account) and the service's answer.
/// </summary>
public sealed record CredentialRejection<TClient>(IReadOnlyList<ApiErrorKind> Kinds, ServiceSetting Setting, string Summary,
    Func<TClient, ServiceApiException, string> Detail);
