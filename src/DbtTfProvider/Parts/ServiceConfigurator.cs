using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Http;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Parts;

/// <summary>
/// Configures either service's client from its profile: a required setting left unset, a rejected option, a refused
/// credential, a host DNS does not know and any other failure of the credential check each become one error on the
/// setting at fault, worded from the profile. The client is disposed whenever configure fails.
/// </summary>
public sealed partial class ServiceConfigurator(ServiceProfile profile, ServiceErrorMapper errors)
{
    public async Task<TClient> ConfigureAsync<TClient>(ServiceConnection<TClient> connection, ConfigureContext context) where TClient : class, IDisposable
    {
        foreach (var setting in profile.Required.Where(connection.Unset.Contains))
            throw new ResourceException($"Missing {profile.Service} {setting.Noun}",
                $"Set {setting.Name} in the provider \"{profile.Part}\" block, or the {setting.EnvironmentVariable} environment variable, to {setting.Meaning}.",
                CtyPath.Attribute(setting.Name));

        var client = Build(connection.Create);
        var host = connection.UsedHost(client);
        LogNormalized(context, connection.GivenHost, host);
        if (connection.Check is null) return client;
        try
        {
            await connection.Check(client, context.CancellationToken);
            return client;
        }
        catch (Exception e)
        {
            client.Dispose();
            if (Refusal(connection, client, e) is { } refused) throw refused;
            throw;
        }
    }

    /// <summary>The error a failed credential check becomes; null leaves the exception to the framework as it is.</summary>
    private ResourceException? Refusal<TClient>(ServiceConnection<TClient> connection, TClient client, Exception e)
    {
        if (e is ServiceApiException api && connection.Rejections.FirstOrDefault(r => r.Kinds.Contains(api.Kind)) is { } rejection)
            return new ResourceException(rejection.Summary, rejection.Detail(client, api), CtyPath.Attribute(rejection.Setting.Name), e);
        if (e is ServiceUnavailableException { UnknownHost: not null } unknown)
            return new ResourceException($"{profile.Service} host not found",
                $"The host name \"{unknown.UnknownHost}\" of {profile.Host.WithVariable}, {connection.UsedHost(client).AbsoluteUri.TrimEnd('/')}, " +
                $"was not found: DNS knows no such name. Check it for a typo; {profile.Service} addresses look like {profile.ExampleUrls}.",
                CtyPath.Attribute(profile.Host.Name), e);
        if (errors.Explain(e) is { } explained)
            return new ResourceException($"Cannot check the {profile.Service} credentials",
                // No hint to skip the check: a wrong address stays wrong, and every refresh would then fail on it instead.
                explained.NamesHost ? explained.Description.Detail : $"{explained.Description.Detail} Check {profile.Host.WithVariable}.",
                CtyPath.Attribute(profile.Host.Name), e);
        return null;
    }

    /// <summary>Says at debug level when a host setting was written in another accepted form than the one used.</summary>
    private void LogNormalized(ConfigureContext context, string? given, Uri used)
    {
        var text = given?.Trim();
        var normal = used.AbsoluteUri.TrimEnd('/');
        if (text is null || text == normal) return;
        var logger = context.LoggerFactory.CreateLogger("DbtTfProvider.Parts");
        LogHostNormalized(logger, profile.Host.Name, text, normal);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Setting} \"{Given}\" is used as \"{Used}\"")]
    private static partial void LogHostNormalized(ILogger logger, string setting, string given, string used);

    /// <summary>Builds a client, turning a rejected option (bad URL, empty token) into an error on that setting.</summary>
    private TClient Build<TClient>(Func<TClient> create)
    {
        try
        {
            return create();
        }
        catch (ClientOptionsException e)
        {
            throw new ResourceException($"Invalid {profile.Part} provider setting", e.Message + ".", CtyPath.Attribute(e.OptionName));
        }
    }
}
