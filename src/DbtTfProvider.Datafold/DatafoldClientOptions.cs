using DbtTfProvider.Http;

namespace DbtTfProvider.Datafold;

/// <summary>Provider-facing settings of the Datafold client.</summary>
public sealed class DatafoldClientOptions
{
    public const string DefaultHost = "https://app.datafold.com";

    /// <summary>e.g. https://eu.datafold.com or a dedicated deployment's domain, in any form <see cref="DatafoldHost"/> accepts.</summary>
    public string Host { get; init; } = DefaultHost;

    /// <summary>Sent as "Authorization: Key ..."; never logged.</summary>
    public required string ApiKey { get; init; }

    public int? MaxRetries { get; init; }

    /// <summary>Timeout of one attempt in seconds; null keeps the default (30).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Version in the User-Agent "terraform-provider-datafold/&lt;version&gt;"; null: this library's version.</summary>
    public string? ProviderVersion { get; init; }

    public ResilienceOptions? Resilience { get; init; }

    /// <summary>How unclear creates are resolved (deadline, look-ups); null: the defaults of <see cref="CreateSafetyOptions"/>.</summary>
    public CreateSafetyOptions? CreateSafety { get; init; }

    public HttpMessageHandler? Transport { get; init; }

    /// <summary>
    /// Secrets to remove from the service's error answers (the token is added to it). One shared by the provider's parts
    /// also removes the other part's credential; null: a redactor of this client's own.
    /// </summary>
    public SecretRedactor? Redactor { get; init; }
}
