using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Provider;

/// <summary>What a part's configure function gets besides its typed configuration.</summary>
public sealed class ConfigureContext
{
    internal ConfigureContext(string terraformVersion, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        TerraformVersion = terraformVersion;
        LoggerFactory = loggerFactory;
        CancellationToken = cancellationToken;
    }

    public string TerraformVersion { get; }
    public ILoggerFactory LoggerFactory { get; }
    /// <summary>Cancelled when Terraform stops the provider.</summary>
    public CancellationToken CancellationToken { get; }
    /// <summary>Warnings and errors for the provider block; use <c>AddAttributeError("token", …)</c> to point at a setting.</summary>
    public DiagnosticList Diagnostics { get; } = new();
}

/// <summary>
/// One product served by the provider executable: its resource and data source types (all named <c>{Name}_…</c>), its provider
/// configuration attributes, and the function that turns that configuration into an API client. Under its own
/// executable name (<c>terraform-provider-{Name}</c>) the executable serves only this part; under any other name,
/// every part. Attributes that two parts both declare (same name and type) are one setting shared by both.
/// </summary>
public interface IProviderPart
{
    string Name { get; }
    internal PartRuntime CreateRuntime(ILoggerFactory loggerFactory, Func<string, string?> environment);
}

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

/// <summary>One part while the provider runs: its configuration state, its resources and its data sources.</summary>
internal abstract class PartRuntime
{
    public abstract string Name { get; }
    public abstract SchemaBlock ConfigBlock { get; }
    public abstract IReadOnlyList<IResourceRuntime> Resources { get; }
    public abstract IEnumerable<string> ResourceTypeNames { get; }
    public abstract IReadOnlyList<IDataSourceRuntime> DataSources { get; }
    public abstract IEnumerable<string> DataSourceTypeNames { get; }
    public abstract Task ConfigureAsync(CtyValue providerConfig, string terraformVersion, DiagnosticList diagnostics, CancellationToken cancellationToken);
}

internal sealed class PartRuntime<TConfig, TClient> : PartRuntime, IClientSource<TClient> where TConfig : class, new() where TClient : class
{
    private readonly ProviderPart<TConfig, TClient> _part;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<(SchemaBlock Block, ModelBinding<TConfig> Binding)> _config;
    private readonly Lazy<ResourceServices<TClient>> _services;
    private readonly Lazy<IReadOnlyList<IResourceRuntime>> _resources;
    private readonly Lazy<IReadOnlyList<IDataSourceRuntime>> _dataSources;
    private TClient? _client;
    private string _notConfiguredReason = "The provider has not been configured yet.";

    public PartRuntime(ProviderPart<TConfig, TClient> part, ILoggerFactory loggerFactory, Func<string, string?> environment)
    {
        _part = part;
        _loggerFactory = loggerFactory;
        _environment = environment;
        _config = new(() => ProviderConfigSchema.Build($"provider configuration of {part.Name}", part.ConfigSchema));
        _services = new(() => new ResourceServices<TClient>(this, part.DescribeError, loggerFactory.CreateLogger("DbtTfProvider." + part.Name), part.Home));
        _resources = new(() => part.Resources.Select(r => r.CreateRuntime(_services.Value)).ToArray());
        _dataSources = new(() => part.DataSources.Select(d => d.CreateRuntime(_services.Value)).ToArray());
    }

    public override string Name => _part.Name;
    public override SchemaBlock ConfigBlock => _config.Value.Block;
    public override IReadOnlyList<IResourceRuntime> Resources => _resources.Value;
    public override IEnumerable<string> ResourceTypeNames => _part.Resources.Select(r => r.TypeName);
    public override IReadOnlyList<IDataSourceRuntime> DataSources => _dataSources.Value;
    public override IEnumerable<string> DataSourceTypeNames => _part.DataSources.Select(d => d.TypeName);

    public TClient Client => _client ?? throw new ProviderNotConfiguredException(_notConfiguredReason);
    public bool IsAvailable => _client is not null;
    public string Explain(Exception exception) => _part.DescribeError(exception)?.Detail ?? exception.Message;

    public override async Task ConfigureAsync(CtyValue providerConfig, string terraformVersion, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var (block, binding) = _config.Value;
        var resolved = ProviderConfigResolver.Resolve(block, providerConfig, _environment, diagnostics);
        if (diagnostics.HasErrors) return;
        if (!resolved.IsWhollyKnown)
        {
            // Normal during plan when a setting comes from a resource not created yet: only an operation that
            // actually needs the API fails, with this reason.
            var unknown = block.Attributes.Where(a => !resolved.GetAttribute(a.Name).IsWhollyKnown).Select(a => a.Name);
            _notConfiguredReason = $"The {Name} provider configuration depends on values not known until apply ({string.Join(", ", unknown)}), so it cannot reach the API yet.";
            return;
        }

        var context = new ConfigureContext(terraformVersion, _loggerFactory, cancellationToken);
        try
        {
            _client = await _part.Configure(binding.Decode(resolved), context);
        }
        catch (ResourceException e)
        {
            context.Diagnostics.Add(e.ToDiagnostic());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Diagnostics.AddError("Provider configuration cancelled", "Terraform stopped the provider while it was being configured.");
        }
        catch (Exception e) when (_part.DescribeError(e) is { } api)
        {
            context.Diagnostics.AddError(api.Summary, api.Detail);
        }
        diagnostics.AddRange(context.Diagnostics);
        if (context.Diagnostics.HasErrors)
        {
            _client = null;
            _notConfiguredReason = $"The {Name} provider configuration is invalid; see the errors reported for the provider block.";
        }
    }
}
