using System.Net.Http.Headers;

namespace DbtTfProvider.Http;

public sealed class ServiceHttpClientSettings
{
    /// <summary>Normalised base URL without a trailing slash (see <see cref="ServiceEndpoint.Normalize"/>).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>"Token" for dbt Cloud, "Key" for Datafold.</summary>
    public required string AuthorizationScheme { get; init; }

    public required string Credential { get; init; }

    /// <summary>e.g. "dbt-tf-provider/0.1.0 terraform/1.11.4".</summary>
    public required string UserAgent { get; init; }

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>The secrets removed from error answers; <see cref="Credential"/> is added to it. Share one per provider process.</summary>
    public SecretRedactor Redactor { get; init; } = new();

    /// <summary>Replaces the socket handler (tests); the ResilienceHandler still wraps it.</summary>
    public HttpMessageHandler? Transport { get; init; }
}
