using DbtTfProvider.Framework.Server;
using DbtTfProvider.Plugin.Hosting;
using DbtTfProvider.TestProvider;
using DbtTfProvider.TestProvider.DbtLabsStandIn;

// One executable, two test providers: testfs, or (when a wrapper named terraform-provider-dbtcloud selects it) the
// passive stand-in for dbt Labs' provider.
return Environment.GetEnvironmentVariable(DbtLabsStandInProvider.SelectorVariable) == "1"
    ? PluginServer.Run(args, new PluginServerOptions
    {
        ProviderAddress = DbtLabsStandInProvider.Address,
        CreateProvider = _ => new DbtLabsStandInProvider(),
    })
    : PluginServer.Run(args, new PluginServerOptions
    {
        ProviderAddress = "registry.terraform.io/dbt-tf/testfs",
        CreateProvider = loggers => new ProviderServer(TestfsProvider.Definition, loggers),
    });
