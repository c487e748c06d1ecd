using DbtTfProvider.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

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

public sealed class DataSourcesClient
{
    private readonly IDatafoldApi _api;

    internal DataSourcesClient(IDatafoldApi api) => _api = api;

    public async Task<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken = default) =>
        await _api.ListDataSourcesAsync(cancellationToken).ConfigureAwait(false);

    public Task<DataSource> GetAsync(long id, CancellationToken cancellationToken = default) => _api.GetDataSourceAsync(id, cancellationToken);
}

public sealed partial class CiConfigsClient
{
    private const int PageSize = 100;
    private const int MaxPages = 10_000;

    private readonly ICiConfigApi _api;
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;
    private readonly CreateSafetyOptions _createSafety;

    private readonly Func<bool> _organizationUnknown;

    internal CiConfigsClient(ICiConfigApi api, ILogger logger, SecretRedactor redactor, CreateSafetyOptions createSafety, Func<bool> organizationUnknown) =>
        (_api, _logger, _redactor, _createSafety, _organizationUnknown) = (api, logger, redactor, createSafety, organizationUnknown);

    /// <summary>
    /// The longest CI config name this client sends: 255 characters. Datafold documents no limit (its OpenAPI file has
    /// none); reconstructed as the usual limit of a stored name, and enforced so by the emulator.
    /// </summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// Creates the CI config. A config with the same name (unique per organisation) makes it fail with
    /// <see cref="ApiErrorKind.Conflict"/>, "a CI config named X already exists (id N); import it", before the POST.
    /// The config is created under a marked name (<see cref="CreateMarker"/>) and renamed to its own once confirmed:
    /// when the create ends unclear, only the config carrying the marker is adopted (<see cref="DuplicateSafeCreate"/>),
    /// and a POST sent again is refused by the service (409) when the first one landed, never doubled. Should the name
    /// be taken by someone else before the rename, the config made here is deleted and the create fails naming the
    /// other. <paramref name="cancellationToken"/> is Terraform's stop.
    /// </summary>
    public async Task<DbtCloudCiConfig> CreateAsync(DbtCloudCiConfig config, CancellationToken cancellationToken = default)
    {
        _redactor.Add(config.DbtCloud.ApiKey);
        var name = config.Name;
        // One list answers both checks: the name is free, and no config carries it marked by an unfinished create.
        var configs = await ListAsync(cancellationToken).ConfigureAwait(false);
        if (configs.FirstOrDefault(c => c.Name == name) is { } existing)
            throw NameTaken(name, existing.Id, null);
        IReadOnlyList<DbtCloudCiConfig> leftovers = configs.Where(c => CreateMarker.IsMarkedFormOf(c.Name, name, MaxNameLength)).ToList();
        var marker = _createSafety.NewMarker();
        var marked = marker.Mark(name, MaxNameLength);
        // Copies: the caller's config is never changed. The confirming PUT goes without the key, which Datafold keeps.
        var request = config.Copy(marked, config.DbtCloud.ApiKey);
        var confirm = config.Copy(name, apiKey: null);
        return await DuplicateSafeCreate.RunAsync(new CreateSteps<DbtCloudCiConfig>
        {
            What = $"CI config \"{name}\"",
            Trace = $"a CI config named \"{marked}\"",
            Marker = marker,
            BaseName = name,
            Kind = "CI config",
            Where = "the organization",
            UniqueName = true,
            Name = static c => c.Name,
            FindLeftoversAsync = _ => Task.FromResult(leftovers),
            PostAsync = token => _api.CreateAsync(request, token),
            FindAsync = async token => (await ListAsync(token).ConfigureAwait(false)).Where(c => c.Name == marked).ToList(),
            Id = static c => c.Id ?? 0,
            DiscardAsync = (c, token) => DeleteAsync(c.Id!.Value, token),
            ConfirmAsync = async (c, token) =>
            {
                try
                {
                    return await _api.UpdateAsync(c.Id!.Value, confirm, token).ConfigureAwait(false);
                }
                catch (DatafoldApiException e) when (e.Kind == ApiErrorKind.Conflict)
                {
                    // Another config took the name after the check above. Ours is provably ours (it carries our marker):
                    // deleted, so that the create fails cleanly instead of leaving a config that no apply can rename.
                    var holder = (await FindByNameAsync(name, token).ConfigureAwait(false))?.Id;
                    await DeleteAsync(c.Id!.Value, token).ConfigureAwait(false);
                    throw new CreateNotResolvedException("Create failed",
                        $"CI config \"{name}\": CI config {holder?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(id unknown)"} took the name " +
                        $"while this one was being created, and names are unique in the organization. The one made here ({c.Id}, \"{marked}\") " +
                        "was deleted. Give this integration another name, or import that config.", e);
                }
            },
        }, _createSafety, _logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ids of CI configs whose name carries the marker <paramref name="nonce"/>.</summary>
    public async Task<IReadOnlyList<long>> FindMarkedAsync(string nonce, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.Id is not null && CreateMarker.TryRead(c.Name, out var n) && n == nonce).Select(c => c.Id!.Value).ToList();

    /// <summary>
    /// The config. A 404 in Datafold's words is read again (a stray 404 from a lagging replica passes): a second 404 and
    /// a CI config list without the id is <see cref="ObjectGoneException"/> (<see cref="ConfirmedGone"/>). A list route
    /// that answers 404 itself is a host without CI integrations (<see cref="ClassicOnly"/>), never a deleted config.
    /// </summary>
    public Task<DbtCloudCiConfig> GetAsync(long id, CancellationToken cancellationToken = default) =>
        ConfirmedGone.ReadAsync(GoneCheck(id), cancellationToken);

    private GoneCheck<DbtCloudCiConfig> GoneCheck(long id) => new()
    {
        Service = DatafoldApiException.ServiceName,
        What = $"CI config {id}",
        ReadAsync = token => _api.GetAsync(id, token),
        WitnessAsync = async token => (await ListPagesAsync(token).ConfigureAwait(false)).Any(c => c.Id == id)
            ? GoneWitness.Present("answered twice, but the CI config list still holds it, so it is not taken for deleted; try again later")
            // The list is the API key's organisation's: without knowing which one that is (a host without
            // organization/meta), it cannot be told apart from another organisation's list, so the 404 decides nothing.
            : _organizationUnknown()
                ? GoneWitness.Unknown("answered twice, but the API key's organisation is unknown (this host does not serve organization/meta), " +
                                      "so a list without it does not prove it was deleted")
                : GoneWitness.Gone("answered 404 twice, and the CI config list does not hold it"),
        RouteMissing = ClassicOnly,
        OnStrayNotFound = () => LogStrayNotFound(_logger, id),
    };

    /// <summary>Replaces the whole config; without <see cref="DbtCloudCiSettings.ApiKey"/> the stored key is kept.</summary>
    public Task<DbtCloudCiConfig> UpdateAsync(long id, DbtCloudCiConfig config, CancellationToken cancellationToken = default)
    {
        _redactor.Add(config.DbtCloud?.ApiKey);
        return _api.UpdateAsync(id, config, cancellationToken);
    }

    /// <summary>Deletes the config; a 404 is checked as <see cref="GetAsync"/> checks it (<see cref="ConfirmedGone"/>).</summary>
    public Task DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        ConfirmedGone.DeleteAsync(token => _api.DeleteAsync(id, token), GoneCheck(id), cancellationToken);

    /// <summary>
    /// All dbt Cloud CI configs, every page. A list that answers Datafold's 404 is a host without CI-config routes:
    /// <see cref="ClassicOnly"/>.
    /// </summary>
    public async Task<IReadOnlyList<DbtCloudCiConfig>> ListAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ListPagesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DatafoldApiException e) when (e.IsServiceNotFound)
        {
            throw ClassicOnly(e);
        }
    }

    /// <summary>
    /// The error for a host whose CI-config routes do not exist: a collection route answered FastAPI's route-level 404.
    /// Datafold's docs: CI integrations are available only in Datafold Classic; the current app has none.
    /// </summary>
    public static DatafoldApiException ClassicOnly(ServiceApiException routeNotFound) => new(
        $"this Datafold host has no CI integrations ({routeNotFound.RequestMethod} {routeNotFound.RequestPath} answered 404 " +
        $"\"{(routeNotFound as DatafoldApiException)?.Detail ?? routeNotFound.Summary}\"): Datafold serves CI integrations only in Datafold Classic " +
        $"({ClassicHosts}), not in the current Datafold app (us.datafold.com, eub.datafold.com, dedicated deployments). Set the " +
        "provider's host to the Classic deployment that holds the organisation's CI integrations",
        routeNotFound.StatusCode, ApiErrorKind.NotServed, [], null, routeNotFound.RequestMethod, routeNotFound.RequestPath, inner: routeNotFound);

    /// <summary>The Datafold Classic hosts named in Datafold's docs.</summary>
    public const string ClassicHosts = "https://app.datafold.com, https://eu.datafold.com or a Classic dedicated deployment";

    private async Task<IReadOnlyList<DbtCloudCiConfig>> ListPagesAsync(CancellationToken cancellationToken)
    {
        var all = new List<DbtCloudCiConfig>();
        for (var pages = 0; pages < MaxPages; pages++)
        {
            var page = await _api.ListAsync(ICiConfigApi.DbtCloudType, PageSize, all.Count, cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < PageSize)
                return all;
        }
        throw new DatafoldApiException($"the CI config list did not end after {MaxPages} pages", null, ApiErrorKind.Unexpected, [], null, "GET", ICiConfigApi.ListPath);
    }

    public async Task<DbtCloudCiConfig?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(c => c.Name == name).MaxBy(c => c.Id);

    /// <summary>With <paramref name="answer"/> the service's 409; without, the look-up before the POST found the name taken.</summary>
    private static DatafoldApiException NameTaken(string name, long? id, DatafoldApiException? answer) => new(
        $"a CI config named \"{name}\" already exists{(id is { } i ? $" (id {i})" : "")}; import it or choose another name",
        answer?.StatusCode, ApiErrorKind.Conflict, [new ApiFieldError(["name"], "already taken")], answer?.Detail,
        answer?.RequestMethod, answer?.RequestPath, id, answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CI config {Id}: a read answered 404, the next one found it; a stray 404 (lagging replica?)")]
    private static partial void LogStrayNotFound(ILogger logger, long id);
}
