using DbtTfProvider.DataSources.Environment;
using DbtTfProvider.DataSources.Project;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;
using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Resources.ArtifactsJob;
using DbtTfProvider.Resources.CiJob;
using DbtTfProvider.Resources.ServiceToken;

namespace DbtTfProvider.Parts;

/// <summary>The <c>provider "dbtcloud"</c> block; names and environment variables follow dbt Labs' provider.</summary>
public sealed class DbtCloudConfig
{
    public TfInt64 AccountId;
    public TfString Token;
    public TfString HostUrl;
    public TfInt64 MaxRetries;
    public TfInt64 TimeoutSeconds;
    public TfBool SkipCredentialsValidation;
}

/// <summary><c>dbt-tf/dbtcloud</c>: the dbt Cloud resources and the client they share.</summary>
public static class DbtCloudPart
{
    public const string Name = "dbtcloud";

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
        DescribeError = ApiErrors.Describe,
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

    private static async Task<DbtCloudClient> ConfigureAsync(DbtCloudConfig config, ConfigureContext context, SecretRedactor secrets)
    {
        if (config.AccountId.IsNull)
            throw new ResourceException("Missing dbt Cloud account id",
                "Set account_id in the provider \"dbtcloud\" block, or the DBT_CLOUD_ACCOUNT_ID environment variable, to the numeric id of your dbt Cloud account.",
                CtyPath.Attribute("account_id"));
        if (config.Token.IsNull)
            throw new ResourceException("Missing dbt Cloud token",
                "Set token in the provider \"dbtcloud\" block, or the DBT_CLOUD_TOKEN environment variable, to a dbt Cloud service token or personal access token.",
                CtyPath.Attribute("token"));

        var accountId = config.AccountId.Value;
        var client = ConnectionSettings.Build(() => DbtCloudClient.Create(new DbtCloudClientOptions
        {
            AccountId = accountId,
            Token = config.Token.Value,
            HostUrl = config.HostUrl.ValueOrNull ?? DbtCloudClientOptions.DefaultHostUrl,
            MaxRetries = ConnectionSettings.ToInt(config.MaxRetries),
            TimeoutSeconds = ConnectionSettings.ToInt(config.TimeoutSeconds),
            Redactor = secrets,
            TerraformVersion = context.TerraformVersion,
        }, context.LoggerFactory), "dbtcloud");
        ConnectionSettings.LogNormalized(context, "host_url", config.HostUrl.ValueOrNull, client.HostUrl);

        if (config.SkipCredentialsValidation.ValueOrNull == true) return client;
        try
        {
            await client.Accounts.CheckCredentialsAsync(accountId, context.CancellationToken);
            return client;
        }
        catch (DbtCloudApiException e) when (e.Kind == ApiErrorKind.Unauthorized)
        {
            client.Dispose();
            throw new ResourceException("Invalid dbt Cloud token",
                $"dbt Cloud at {client.HostUrl} rejected the token ({e.Summary}). Check token (or DBT_CLOUD_TOKEN): it may be mistyped, revoked or " +
                "meant for another dbt Cloud region, in which case set host_url (or DBT_CLOUD_HOST_URL) to that region's URL.",
                CtyPath.Attribute("token"), e);
        }
        catch (DbtCloudApiException e) when (e.Kind == ApiErrorKind.Forbidden)
        {
            client.Dispose();
            throw new ResourceException("dbt Cloud account not accessible",
                $"The token is valid, but dbt Cloud at {client.HostUrl} does not show it account {accountId} ({e.Summary}). Check account_id " +
                "(or DBT_CLOUD_ACCOUNT_ID): set it to one of the accounts listed, or use a token of that account that is not blocked by an IP allow-list.",
                CtyPath.Attribute("account_id"), e);
        }
        catch (ServiceUnavailableException e) when (e.UnknownHost is not null)
        {
            client.Dispose();
            throw ConnectionSettings.UnknownHost(e, "dbt Cloud", "host_url", "DBT_CLOUD_HOST_URL", client.HostUrl,
                "https://cloud.getdbt.com/api, https://emea.dbt.com/api or https://ACCOUNT_PREFIX.us1.dbt.com/api");
        }
        catch (Exception e) when (ApiErrors.Describe(e) is { } described)
        {
            client.Dispose();
            throw new ResourceException("Cannot check the dbt Cloud credentials",
                // No hint to skip the check: a wrong address stays wrong, and every refresh would then fail on it instead.
                described.Detail.Contains("DBT_CLOUD_HOST_URL", StringComparison.Ordinal) ? described.Detail : $"{described.Detail} Check host_url (or DBT_CLOUD_HOST_URL).",
                CtyPath.Attribute("host_url"), e);
        }
    }
}
