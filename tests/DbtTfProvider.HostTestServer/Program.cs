using DbtTfProvider.HostTestServer;
using DbtTfProvider.Plugin.Hosting;

return PluginServer.Run(args, new PluginServerOptions
{
    ProviderAddress = "registry.terraform.io/dbt-tf/hosttest",
    CreateProvider = loggers => new SlowApplyProvider(loggers),
});
