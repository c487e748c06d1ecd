using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

/// <summary>What the provider part lends its resources and data sources: the client, the error describer, a logger and where objects live.</summary>
public sealed class ResourceServices<TClient>(IClientSource<TClient> clients, Func<Exception, ApiErrorDescription?> describeError, ILogger logger,
    ResourceHome<TClient>? home = null)
    where TClient : class
{
    public IClientSource<TClient> Clients { get; } = clients;
    public Func<Exception, ApiErrorDescription?> DescribeError { get; } = describeError;
    public ILogger Logger { get; } = logger;
    public ResourceHome<TClient>? Home { get; } = home;
}
