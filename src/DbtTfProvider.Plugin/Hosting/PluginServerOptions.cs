using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>What the plugin host needs from the executable that embeds it.</summary>
public sealed class PluginServerOptions
{
    /// <summary>Provider source address printed in --debug mode for TF_REATTACH_PROVIDERS,
    /// e.g. "registry.terraform.io/dbt-tf/dbtcloud".</summary>
    public required string ProviderAddress { get; init; }

    /// <summary>Creates the tfplugin6.Provider service. Called once per process, after the handshake line is out,
    /// so expensive set-up here does not delay Terraform's start-up timeout or the handshake.</summary>
    public required Func<ILoggerFactory, Tfplugin6.Provider.ProviderBase> CreateProvider { get; init; }
}
