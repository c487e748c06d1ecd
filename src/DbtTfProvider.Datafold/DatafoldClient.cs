using DbtTfProvider.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;
using DbtTfProvider.Datafold.CiConfigContract;

namespace DbtTfProvider.Datafold;

/// <summary>The Datafold API for one organisation (the API key's). Creating it touches no network.</summary>
public sealed partial class DatafoldClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly IDatafoldApi _api;
    private readonly ILogger _logger;

    private DatafoldClient(HttpClient http, IDatafoldApi api, ICiConfigApi ciApi, Uri host, ILogger logger, SecretRedactor redactor,
        CreateSafetyOptions createSafety)
    {
        _http = http;
        _api = api;
        Host = host;
        _logger = logger;
        DataSources = new DataSourcesClient(api);
        CiConfigs = new CiConfigsClient(ciApi, logger, redactor, createSafety, () => OrganizationUnknown);
    }

    public Uri Host { get; }

    public DataSourcesClient DataSources { get; }

    public CiConfigsClient CiConfigs { get; }

    public static DatafoldClient Create(DatafoldClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        var host = DatafoldHost.Normalize(options.Host, "host");
        var apiKey = ServiceHttpClient.RequireCredential(options.ApiKey, "api_key");
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DbtTfProvider.Datafold");
        var redactor = options.Redactor ?? new SecretRedactor();
        var http = ServiceHttpClient.Create(new ServiceHttpClientSettings
        {
            BaseAddress = host,
            AuthorizationScheme = "Key",
            Credential = apiKey,
            UserAgent = $"terraform-provider-datafold/{options.ProviderVersion ?? LibraryVersion}",
            Resilience = ResilienceOptions.FromProviderSettings(options.MaxRetries, options.TimeoutSeconds, options.Resilience),
            Transport = options.Transport,
            Redactor = redactor,
        }, logger);

        var settings = new RefitSettings(new SourceGeneratedJsonSerializer(DatafoldJsonContext.Default));
        settings.ExceptionFactory = DatafoldApiException.FromResponseAsync;
        settings.DeserializationExceptionFactory = static (response, error) => ValueTask.FromResult<Exception?>(new DatafoldApiException(
            $"the answer is not what this client expects ({error.Message})", response.StatusCode, ApiErrorKind.Unexpected, [], null,
            response.RequestMessage?.Method.Method, response.RequestMessage?.RequestUri?.AbsolutePath, inner: error));
        settings.TransportExceptionFactory = static (_, error, _) => error;
        return new DatafoldClient(http, RestService.ForGenerated<IDatafoldApi>(http, settings), RestService.ForGenerated<ICiConfigApi>(http, settings),
            host, logger, redactor, options.CreateSafety ?? new CreateSafetyOptions());
    }

    /// <summary>
    /// Checks the key: the organisation it belongs to (kept in <see cref="OrganizationId"/>), or
    /// <see cref="ApiErrorKind.Unauthorized"/>.
    /// </summary>
    public async Task<OrganizationMeta?> CheckCredentialsAsync(CancellationToken cancellationToken = default)
    {
        OrganizationMeta meta;
        try
        {
            meta = await _api.GetOrganizationMetaAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DatafoldApiException e) when (e.IsServiceNotFound)
        {
            // organization/meta is not in Datafold's published API (only its data-diff client calls it): a host may not
            // serve it. The documented data source list checks the key as well; the organisation stays unknown.
            LogNoOrganizationMeta(_logger, e.Detail ?? "");
            await _api.ListDataSourcesAsync(cancellationToken).ConfigureAwait(false);
            OrganizationUnknown = true;
            return null;
        }
        OrganizationId = meta.OrgId;
        return meta;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /api/v1/organization/meta answered 404 \"{Detail}\" (not in Datafold's published API); the API key was checked with GET /api/v1/data_sources, and the organisation id is unknown")]
    private static partial void LogNoOrganizationMeta(ILogger logger, string detail);

    /// <summary>The API key's organisation, once <see cref="CheckCredentialsAsync"/> has run.</summary>
    public long? OrganizationId { get; private set; }

    /// <summary>The key was checked without organization/meta (a host that does not serve it): whose organisation it is stays unknown.</summary>
    public bool OrganizationUnknown { get; private set; }

    internal static string LibraryVersion { get; } =
        typeof(DatafoldClient).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public void Dispose() => _http.Dispose();
}
