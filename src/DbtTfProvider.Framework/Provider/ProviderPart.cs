using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Provider;

public sealed class ProviderPart<TConfig, TClient> : IProviderPart where TConfig : class, new() where TClient : class
{
    /// <summary>The persona and resource type prefix, e.g. <c>dbtcloud</c>.</summary>
    public required string Name { get; init; }

    /// <summary>This part's provider configuration attributes (with environment fallbacks and defaults).</summary>
    public required Action<SchemaBuilder<TConfig>> ConfigSchema { get; init; }

    /// <summary>
    /// Builds the client from the configuration (environment fallbacks and defaults applied). Runs when Terraform
    /// configures the provider with fully known values; report problems through the context's diagnostics or by
    /// throwing <see cref="ResourceException"/>.
    /// </summary>
    public required Func<TConfig, ConfigureContext, Task<TClient>> Configure { get; init; }

    public required IReadOnlyList<IResourceDefinition<TClient>> Resources { get; init; }

    /// <summary>The part's data source types (also named <c>{Name}_…</c>); they share the client and <see cref="DescribeError"/>.</summary>
    public IReadOnlyList<IDataSourceDefinition<TClient>> DataSources { get; init; } = [];

    /// <summary>
    /// Describes the exceptions of this part's API client for users: summary, detail, the API field at fault (mapped
    /// to the resource's attribute) and whether the client confirmed the object gone. Return null for exceptions it does not know.
    /// </summary>
    public Func<Exception, ApiErrorDescription?> DescribeError { get; init; } = _ => null;

    /// <summary>Where this part's objects live (see <see cref="ResourceHome{TClient}"/>); null when the part has no such notion.</summary>
    public ResourceHome<TClient>? Home { get; init; }

    PartRuntime IProviderPart.CreateRuntime(ILoggerFactory loggerFactory, Func<string, string?> environment) =>
        new PartRuntime<TConfig, TClient>(this, loggerFactory, environment);
}
