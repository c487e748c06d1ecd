using DbtTfProvider.Http;

namespace DbtTfProvider.DbtCloud;

/// <summary>Provider-facing settings of the dbt Cloud client (names follow dbt Labs' provider block).</summary>
public sealed class DbtCloudClientOptions
{
    public const string DefaultHostUrl = DbtCloudHostUrl.DefaultApiUrl;

    /// <summary>Any form <see cref="DbtCloudHostUrl"/> accepts (https://emea.dbt.com, …/api, …/api/v2); normalised to the API base.</summary>
    public string HostUrl { get; init; } = DefaultHostUrl;

    public required long AccountId { get; init; }

    /// <summary>Sent as "Authorization: Token ..."; never logged.</summary>
    public required string Token { get; init; }

    /// <summary>Retries after the first attempt; null keeps the default.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Timeout of one attempt in seconds; null keeps the default (30).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Version in the User-Agent "dbt-tf-provider/&lt;version&gt;"; null: this library's version.</summary>
    public string? ProviderVersion { get; init; }

    /// <summary>
    /// The Terraform version that runs the provider (ConfigureProvider's terraform_version), appended to the User-Agent
    /// as "terraform/&lt;version&gt;"; null or empty: left out.
    /// </summary>
    public string? TerraformVersion { get; init; }

    /// <summary>Baseline retry policy (tests inject clocks here); <see cref="MaxRetries"/> and <see cref="TimeoutSeconds"/> apply on top.</summary>
    public ResilienceOptions? Resilience { get; init; }

    /// <summary>How unclear creates are resolved (deadline, look-ups); null: the defaults of <see cref="CreateSafetyOptions"/>.</summary>
    public CreateSafetyOptions? CreateSafety { get; init; }

    /// <summary>Replaces the socket handler (tests).</summary>
    public HttpMessageHandler? Transport { get; init; }

    /// <summary>
    /// Secrets to remove from the service's error answers (the token is added to it). One shared by the provider's parts
    /// also removes the other part's credential; null: a redactor of this client's own.
    /// </summary>
    public SecretRedactor? Redactor { get; init; }
}
