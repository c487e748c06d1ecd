using DbtTfProvider.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace DbtTfProvider.DbtCloud;

/// <summary>
/// The dbt Cloud Admin API for one account, one facade per object type. Creating it touches no network; call
/// <see cref="AccountsClient.CheckCredentialsAsync"/> to check the token.
/// </summary>
public sealed class DbtCloudClient : IDisposable
{
    private readonly HttpClient _http;

    private DbtCloudClient(HttpClient http, IDbtCloudApi api, long accountId, Uri hostUrl, ILogger logger, CreateSafetyOptions createSafety)
    {
        _http = http;
        AccountId = accountId;
        HostUrl = hostUrl;
        Accounts = new AccountsClient(api);
        Projects = new ProjectsClient(api, accountId);
        Environments = new EnvironmentsClient(api, accountId);
        ServiceTokens = new ServiceTokensClient(api, accountId, logger, createSafety);
        Jobs = new JobsClient(api, accountId, logger, createSafety, Projects);
    }

    public long AccountId { get; }

    /// <summary>The normalised host_url (no trailing slash).</summary>
    public Uri HostUrl { get; }

    public AccountsClient Accounts { get; }
    public ProjectsClient Projects { get; }
    public EnvironmentsClient Environments { get; }
    public ServiceTokensClient ServiceTokens { get; }
    public JobsClient Jobs { get; }

    /// <summary>Checks the options (throws <see cref="ClientOptionsException"/> naming the bad one) and builds the client.</summary>
    public static DbtCloudClient Create(DbtCloudClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        var hostUrl = DbtCloudHostUrl.NormalizeApiUrl(options.HostUrl, "host_url");
        if (options.AccountId <= 0)
            throw new ClientOptionsException("account_id", $"account_id must be a positive number, not {options.AccountId}");
        var token = ServiceHttpClient.RequireCredential(options.Token, "token");
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DbtTfProvider.DbtCloud");
        var http = ServiceHttpClient.Create(new ServiceHttpClientSettings
        {
            BaseAddress = hostUrl,
            AuthorizationScheme = "Token",
            Credential = token,
            UserAgent = UserAgentFor(options),
            Resilience = ResilienceOptions.FromProviderSettings(options.MaxRetries, options.TimeoutSeconds, options.Resilience),
            Transport = options.Transport,
            Redactor = options.Redactor ?? new SecretRedactor(),
        }, logger);

        var settings = new RefitSettings(new SourceGeneratedJsonSerializer(DbtCloudJsonContext.Default));
        settings.ExceptionFactory = DbtCloudApiException.FromResponseAsync;
        settings.DeserializationExceptionFactory = static (response, error) => ValueTask.FromResult<Exception?>(new DbtCloudApiException(
            $"the answer is not what this client expects ({error.Message})", response.StatusCode, ApiErrorKind.Unexpected, [], null, null,
            response.RequestMessage?.Method.Method, response.RequestMessage?.RequestUri?.AbsolutePath, error));
        // The resilience handler's exceptions (ambiguous create, service unavailable, cancellation) reach callers as they are.
        settings.TransportExceptionFactory = static (_, error, _) => error;
        var api = RestService.ForGenerated<IDbtCloudApi>(http, settings);
        return new DbtCloudClient(http, api, options.AccountId, hostUrl, logger, options.CreateSafety ?? new CreateSafetyOptions());
    }

    /// <summary>
    /// "dbt-tf-provider/&lt;version&gt; terraform/&lt;version&gt;": this provider's own name, so that dbt Labs can tell its
    /// requests from those of their provider (terraform-provider-dbtcloud).
    /// </summary>
    internal static string UserAgentFor(DbtCloudClientOptions options)
    {
        var agent = $"{UserAgentProduct}/{options.ProviderVersion ?? LibraryVersion}";
        return options.TerraformVersion is { Length: > 0 } terraform && terraform.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+')
            ? $"{agent} terraform/{terraform}"
            : agent;
    }

    public const string UserAgentProduct = "dbt-tf-provider";

    internal static string LibraryVersion { get; } =
        typeof(DbtCloudClient).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public void Dispose() => _http.Dispose();
}
