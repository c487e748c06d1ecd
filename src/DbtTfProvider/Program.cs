using DbtTfProvider;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Plugin.Hosting;

// One executable, two personas: installed as terraform-provider-dbtcloud it is dbt-tf/dbtcloud, as
// terraform-provider-datafold it is dbt-tf/datafold. Nothing here touches the network or builds a schema: the
// handshake comes first.
var definition = DbtTfProviderDefinition.Create();
var executableName = ProviderDefinition.CurrentExecutableName();

return PluginServer.Run(args, new PluginServerOptions
{
    ProviderAddress = DbtTfProviderDefinition.ProviderAddress(definition, executableName),
    CreateProvider = loggers => new ProviderServer(definition, loggers, new ProviderServerOptions { ExecutableName = executableName }),
});
