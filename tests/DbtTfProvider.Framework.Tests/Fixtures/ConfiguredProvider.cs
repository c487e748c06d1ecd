using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace DbtTfProvider.Framework.Tests.Fixtures;

/// <summary>A provider of one part, "test", serving one resource with a given client, already configured.</summary>
public static class ConfiguredProvider
{
    public static ProviderServer Serve<TClient>(TClient client, IResourceDefinition<TClient> resource,
        Func<Exception, ApiErrorDescription?>? describeError = null) where TClient : class
    {
        var part = new ProviderPart<WidgetConfig, TClient>
        {
            Name = "test",
            ConfigSchema = s => s.String("endpoint", c => ref c.Endpoint).Optional(),
            Configure = (_, _) => Task.FromResult(client),
            Resources = [resource],
            DescribeError = describeError ?? (_ => null),
        };
        var server = new ProviderServer(new ProviderDefinition(part), NullLoggerFactory.Instance,
            new ProviderServerOptions { ExecutableName = "terraform-provider-test", Environment = _ => null });
        var diagnostics = new DiagnosticList();
        server.Runtime.ConfigureAsync(V.Obj(server.Runtime.ConfigBlock), "1.11.4", diagnostics, CancellationToken.None).GetAwaiter().GetResult();
        Assert.False(diagnostics.HasErrors, diagnostics.ToString());
        return server;
    }
}
