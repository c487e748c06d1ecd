using DbtTfProvider.DataSources.Environment;
using DbtTfProvider.DataSources.Project;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;
using DbtTfProvider.Resources.ArtifactsJob;
using DbtTfProvider.Resources.CiJob;
using DbtTfProvider.Resources.ServiceToken;

namespace DbtTfProvider.Parts;

/// <summary><c>dbt-tf/dbtcloud</c>: the dbt Cloud resources and the client they share.</summary>
public static class DbtCloudPart
{
    public const string Name = "dbtcloud";

    private static readonly ServiceSetting AccountId = new("account_id", "DBT_CLOUD_ACCOUNT_ID", "account id", "the numeric id of your dbt Cloud account");
    private static readonly ServiceSetting Token = new("token", "DBT_CLOUD_TOKEN", "token", "a dbt Cloud service token or personal access token");

    public static readonly ServiceProfile Profile = new()
    {
        Service = "dbt Cloud",
        Part = Name,
        Host = new("host_url", "DBT_CLOUD_HOST_URL"),
        HostMeaning = "your dbt Cloud access URL, e.g. https://cloud.getdbt.com or https://emea.dbt.com (with or without /api)",
        ExampleUrls = "https://cloud.getdbt.com/api, https://emea.dbt.com/api or https://ACCOUNT_PREFIX.us1.dbt.com/api",
        Required = [AccountId, Token],
    };

    private static readonly ServiceErrorMapper Errors = new(Profile);
    private static readonly ServiceConfigurator Configurator = new(Profile, Errors);

    private static readonly CredentialRejection<DbtCloudClient>[] Rejections =
    [
        new([ApiErrorKind.Unauthorized], Token, "Invalid dbt Cloud token", (client, e) =>
            $"dbt Cloud at {client.HostUrl} rejected the token ({e.Summary}). Check {Token.WithVariable}: it may be mistyped, revoked or " +
            $"meant for another dbt Cloud region, in which case set {Profile.Host.WithVariable} to that region's URL."),
        new([ApiErrorKind.Forbidden], AccountId, "dbt Cloud account not accessible", (client, e) =>
            $"The token is valid, but dbt Cloud at {client.HostUrl} does not show it account {client.AccountId} ({e.Summary}). Check {AccountId.WithVariable}: " +
            "set it to one of the accounts listed, or use a token of that account that is not blocked by an IP allow-list."),
    ];

    /// <param name="secrets">The process's secrets (shared with the other part): the token is added by the client.</param>
    public static ProviderPart<DbtCloudConfig, DbtCloudClient> Create(SecretRedactor secrets) => new()
    {
        Name = Name,
        ConfigSchema = DefineConfig,
        Configure = (config, context) => ConfigureAsync(config, context, secrets),
        // Every dbt Cloud resource type, one line each.
        Resources =
        [
            new ServiceTokenResource(),
            new ArtifactsJobResource(),
            new CiJobResource(),
        ],
        // Every dbt Cloud data source type, one line each.
        DataSources =
        [
            new ProjectDataSource(),
            new EnvironmentDataSource(),
        ],
        DescribeError = Errors.Describe,
        Home = new("account_id", "dbt Cloud account", "account_id or DBT_CLOUD_ACCOUNT_ID", client => client.AccountId),
    };

    private static void DefineConfig(SchemaBuilder<DbtCloudConfig> s)
    {
        s.Description("Manages dbt Cloud objects through the dbt Cloud Admin API (v2 and v3).");
        s.Int64("account_id", c => ref c.AccountId).RequiredSetting().Range(1, null).EnvironmentVariables("DBT_CLOUD_ACCOUNT_ID")
            .Description("Numeric id of the dbt Cloud account (the number after `/accounts/` in dbt Cloud URLs). " +
                         "Required; may come from the `DBT_CLOUD_ACCOUNT_ID` environment variable instead.");
        s.String("token", c => ref c.Token).RequiredSetting().Sensitive().EnvironmentVariables("DBT_CLOUD_TOKEN")
            .Description("API token (a service token or a personal access token) that can see `account_id`. " +
                         "Required; may come from the `DBT_CLOUD_TOKEN` environment variable instead. Never logged.");
        s.String("host_url", c => ref c.HostUrl).Optional().Default(DbtCloudClientOptions.DefaultHostUrl).EnvironmentVariables("DBT_CLOUD_HOST_URL")
            .Check(ConnectionSettings.HostUrlRule, DbtCloudHostUrl.ApiUrlProblem)
            .Description("Address of your dbt Cloud region or tenant, e.g. `https://emea.dbt.com/api` or `https://ACCOUNT_PREFIX.us1.dbt.com/api`. " +
                         "Any of `https://HOST`, `https://HOST/api`, `https://HOST/api/v2` and `https://HOST/api/v3` (trailing slashes too) is " +
                         "accepted and used as the Admin API base `https://HOST/api`; any other path is refused with the value to write instead. " +
                         "Falls back to the `DBT_CLOUD_HOST_URL` environment variable, then to `https://cloud.getdbt.com/api`. " +
                         "Must use `https://` (plain `http://` is accepted for loopback addresses only).");
        ConnectionSettings.Define(s, c => ref c.MaxRetries, c => ref c.TimeoutSeconds);
        s.Bool("skip_credentials_validation", c => ref c.SkipCredentialsValidation).Optional().Default(false)
            .Description("Skip the check, made once when the provider starts, that the token is valid and can see `account_id` " +
                         "(`GET /v2/accounts/`).");
    }

    private static Task<DbtCloudClient> ConfigureAsync(DbtCloudConfig config, ConfigureContext context, SecretRedactor secrets) =>
        Configurator.ConfigureAsync(new ServiceConnection<DbtCloudClient>
        {
            Unset = [.. Unset((AccountId, config.AccountId.IsNull), (Token, config.Token.IsNull))],
            Create = () => DbtCloudClient.Create(new DbtCloudClientOptions
            {
                AccountId = config.AccountId.Value,
                Token = config.Token.Value,
                HostUrl = config.HostUrl.ValueOrNull ?? DbtCloudClientOptions.DefaultHostUrl,
                MaxRetries = ConnectionSettings.ToInt(config.MaxRetries),
                TimeoutSeconds = ConnectionSettings.ToInt(config.TimeoutSeconds),
                Redactor = secrets,
                TerraformVersion = context.TerraformVersion,
            }, context.LoggerFactory),
            GivenHost = config.HostUrl.ValueOrNull,
            UsedHost = client => client.HostUrl,
            Check = config.SkipCredentialsValidation.ValueOrNull == true ? null : (client, ct) => client.Accounts.CheckCredentialsAsync(client.AccountId, ct),
            Rejections = Rejections,
        }, context);

    private static IEnumerable<ServiceSetting> Unset(params (ServiceSetting Setting, bool IsNull)[] settings) =>
        settings.Where(s => s.IsNull).Select(s => s.Setting);
}
