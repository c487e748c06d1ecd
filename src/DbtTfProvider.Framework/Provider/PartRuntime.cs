using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Provider;

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
