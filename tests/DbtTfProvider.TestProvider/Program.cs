using DbtTfProvider.Framework.Server;
using DbtTfProvider.Plugin.Hosting;
using DbtTfProvider.TestProvider;

return PluginServer.Run(args, new PluginServerOptions
{
    ProviderAddress = "registry.terraform.io/dbt-tf/testfs",
    CreateProvider = loggers => new ProviderServer(TestfsProvider.Definition, loggers),
});
