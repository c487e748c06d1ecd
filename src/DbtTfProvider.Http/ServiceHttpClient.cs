using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Http;

/// <summary>Builds the HttpClient an API client talks through: pooled sockets, then <see cref="ResilienceHandler"/>.</summary>
/// <remarks>Cheap: no network and no DNS until the first request (the provider process starts several times per command).</remarks>
public static class ServiceHttpClient
{
    public static HttpClient Create(ServiceHttpClientSettings settings, ILogger logger)
    {
        var transport = settings.Transport ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = settings.Resilience.AttemptTimeout < TimeSpan.FromSeconds(10) ? settings.Resilience.AttemptTimeout : TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            // Every path ends with "/", so a redirect means a wrong host_url; following it could replay a POST.
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        // The credential is a secret of the redactor, so that an error answer echoing it is cleaned before anything reads it.
        settings.Redactor.Add(settings.Credential);
        var client = new HttpClient(new ResilienceHandler(settings.Resilience, logger, new SecretRedactingHandler(settings.Redactor, transport)),
            disposeHandler: true)
        {
            // Refit appends paths that start with "/" to the base path; the ResilienceHandler owns all timing.
            BaseAddress = settings.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var headers = client.DefaultRequestHeaders;
        headers.Authorization = new AuthenticationHeaderValue(settings.AuthorizationScheme, settings.Credential);
        headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        headers.UserAgent.ParseAdd(settings.UserAgent);
        return client;
    }

    /// <summary>Trims a token or key read from configuration and rejects what cannot go into a header.</summary>
    public static string RequireCredential(string? value, string optionName)
    {
        var credential = value?.Trim() ?? "";
        if (credential.Length == 0)
            throw new ClientOptionsException(optionName, $"{optionName} must not be empty");
        if (credential.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e'))
            throw new ClientOptionsException(optionName, $"{optionName} contains spaces or characters that cannot be sent in an HTTP header");
        return credential;
    }
}
