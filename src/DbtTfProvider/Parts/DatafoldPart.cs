using DbtTfProvider.Datafold;
using DbtTfProvider.DataSources.DataConnection;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;
using DbtTfProvider.Resources.DbtIntegration;

namespace DbtTfProvider.Parts;

/// <summary><c>dbt-tf/datafold</c>: the Datafold resources and the client they share.</summary>
public static class DatafoldPart
{
    public const string Name = "datafold";

    private static readonly ServiceSetting ApiKey = new("api_key", "DATAFOLD_API_KEY", "API key", "a Datafold API key");

    public static readonly ServiceProfile Profile = new()
    {
        Service = "Datafold",
        Part = Name,
        Host = new("host", "DATAFOLD_HOST"),
        HostMeaning = "the Datafold application's URL, e.g. https://app.datafold.com",
        ExampleUrls = "https://app.datafold.com, https://eu.datafold.com or a dedicated deployment's own domain",
        Required = [ApiKey],
    };

    private static readonly ServiceErrorMapper Errors = new(Profile);
    private static readonly ServiceConfigurator Configurator = new(Profile, Errors);

    // Either refusal points at the key: the Datafold block has no account setting it could be about.
    private static readonly CredentialRejection<DatafoldClient>[] Rejections =
    [
        new([ApiErrorKind.Unauthorized, ApiErrorKind.Forbidden], ApiKey, "Invalid Datafold API key", (client, e) =>
            $"Datafold at {client.Host} rejected the API key ({e.Summary}). Check {ApiKey.WithVariable}: it may be mistyped or revoked, " +
            $"or belong to another Datafold deployment, in which case set {Profile.Host.WithVariable} to that deployment's URL."),
    ];

    /// <param name="secrets">The process's secrets (shared with the other part): the API key is added by the client, and
    /// every dbt Cloud token the client sends.</param>
    public static ProviderPart<DatafoldConfig, DatafoldClient> Create(SecretRedactor secrets) => new()
    {
        Name = Name,
        ConfigSchema = DefineConfig,
        Configure = (config, context) => ConfigureAsync(config, context, secrets),
        // Every Datafold resource type, one line each.
        Resources =
        [
            new DbtIntegrationResource(),
        ],
        // Every Datafold data source type, one line each.
        DataSources =
        [
            new DataConnectionDataSource(),
        ],
        DescribeError = Errors.Describe,
        Home = new("organization_id", "Datafold organization", "the organization of api_key or DATAFOLD_API_KEY", client => client.OrganizationId),
    };

    private static void DefineConfig(SchemaBuilder<DatafoldConfig> s)
    {
        s.Description("Manages Datafold objects through the Datafold API.");
        s.String("api_key", c => ref c.ApiKey).RequiredSetting().Sensitive().EnvironmentVariables("DATAFOLD_API_KEY", "DATAFOLD_APIKEY")
            .Description("Datafold API key. Use a service-account API key, as Datafold recommends for CI: it belongs to the " +
                         "organization rather than to a person, so it keeps working when its creator leaves (a personal key from " +
                         "Settings → Account works too). Its user must be allowed to use the data sources the integrations name. " +
                         "Required; may come from the `DATAFOLD_API_KEY` (or `DATAFOLD_APIKEY`) environment variable instead. Never logged.");
        s.String("host", c => ref c.Host).Optional().Default(DatafoldClientOptions.DefaultHost).EnvironmentVariables("DATAFOLD_HOST")
            .Check(ConnectionSettings.HostUrlRule, DatafoldHost.Problem)
            .Description("Address of the Datafold application, e.g. `https://eu.datafold.com` or a dedicated deployment's URL. " +
                         "`HOST`, `https://HOST` and `https://HOST/api` (trailing slashes too) are all accepted and used as `https://HOST`; " +
                         "any other path is refused with the value to write instead. " +
                         "Falls back to the `DATAFOLD_HOST` environment variable, then to `https://app.datafold.com`. " +
                         "Must use `https://` (plain `http://` is accepted for loopback addresses only).");
        ConnectionSettings.Define(s, c => ref c.MaxRetries, c => ref c.TimeoutSeconds);
    }

    private static Task<DatafoldClient> ConfigureAsync(DatafoldConfig config, ConfigureContext context, SecretRedactor secrets) =>
        Configurator.ConfigureAsync(new ServiceConnection<DatafoldClient>
        {
            Unset = config.ApiKey.IsNull ? [ApiKey] : [],
            Create = () => DatafoldClient.Create(new DatafoldClientOptions
            {
                ApiKey = config.ApiKey.Value,
                Host = config.Host.ValueOrNull ?? DatafoldClientOptions.DefaultHost,
                MaxRetries = ConnectionSettings.ToInt(config.MaxRetries),
                TimeoutSeconds = ConnectionSettings.ToInt(config.TimeoutSeconds),
                Redactor = secrets,
            }, context.LoggerFactory),
            GivenHost = config.Host.ValueOrNull,
            UsedHost = client => client.Host,
            Check = (client, ct) => client.CheckCredentialsAsync(ct),
            Rejections = Rejections,
        }, context);
}
