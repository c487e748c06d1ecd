using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Provider;

/// <summary>
/// The provider while one process runs: the parts of its persona, their merged configuration schema, their
/// configured clients and their resources and data sources by type name. Everything is built on first use, never before the handshake.
/// </summary>
public sealed class ProviderRuntime
{
    private readonly IReadOnlyList<PartRuntime> _parts;
    private readonly Lazy<SchemaBlock> _configBlock;
    private readonly Lazy<IReadOnlyDictionary<string, IResourceRuntime>> _resources;
    private readonly Lazy<IReadOnlyDictionary<string, IDataSourceRuntime>> _dataSources;

    public ProviderRuntime(ProviderDefinition definition, ILoggerFactory loggerFactory, string executableName, Func<string, string?> environment)
    {
        _parts = definition.PartsFor(executableName).Select(p => p.CreateRuntime(loggerFactory, environment)).ToArray();
        _configBlock = new(MergeConfigBlocks);
        _resources = new(() => Index("Resource", p => p.Resources, r => r.TypeName));
        _dataSources = new(() => Index("Data source", p => p.DataSources, d => d.TypeName));
    }

    public IEnumerable<string> PartNames => _parts.Select(p => p.Name);

    /// <summary>Resource type names, without building any schema.</summary>
    public IEnumerable<string> ResourceTypeNames => _parts.SelectMany(p => p.ResourceTypeNames);

    /// <summary>The provider block: the union of the parts' settings (a setting two parts declare is shared).</summary>
    public SchemaBlock ConfigBlock => _configBlock.Value;

    public IReadOnlyDictionary<string, IResourceRuntime> Resources => _resources.Value;

    public IResourceRuntime? FindResource(string typeName) => Resources.GetValueOrDefault(typeName);

    /// <summary>Data source type names, without building any schema.</summary>
    public IEnumerable<string> DataSourceTypeNames => _parts.SelectMany(p => p.DataSourceTypeNames);

    public IReadOnlyDictionary<string, IDataSourceRuntime> DataSources => _dataSources.Value;

    public IDataSourceRuntime? FindDataSource(string typeName) => DataSources.GetValueOrDefault(typeName);

    public void ValidateConfig(CtyValue config, DiagnosticList diagnostics) => ConfigValidation.Validate(ConfigBlock, config, diagnostics);

    public async Task ConfigureAsync(CtyValue config, string terraformVersion, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var perPart = _parts.Select(async p =>
        {
            var d = new DiagnosticList();
            await p.ConfigureAsync(config, terraformVersion, d, cancellationToken);
            return d;
        }).ToArray();
        foreach (var d in await Task.WhenAll(perPart)) diagnostics.AddRange(d);
    }

    private SchemaBlock MergeConfigBlocks()
    {
        var attributes = new List<SchemaAttribute>();
        var blocks = new List<SchemaNestedBlock>();
        foreach (var part in _parts)
        {
            foreach (var a in part.ConfigBlock.Attributes)
            {
                var existing = attributes.FindIndex(x => x.Name == a.Name);
                if (existing < 0) { attributes.Add(a); continue; }
                var first = attributes[existing];
                if (first.Type != a.Type || first.Required != a.Required)
                    throw new SchemaDefinitionException($"Provider setting \"{a.Name}\" is declared by two parts with different types or requiredness.");
                // The first part's declaration is the setting; it is secret when either part says so.
                if (a.Sensitive && !first.Sensitive) attributes[existing] = first with { Sensitive = true };
            }
            foreach (var b in part.ConfigBlock.NestedBlocks)
            {
                if (blocks.Any(x => x.Name == b.Name) || attributes.Any(x => x.Name == b.Name))
                    throw new SchemaDefinitionException($"Provider block \"{b.Name}\" is declared twice.");
                blocks.Add(b);
            }
        }
        return new SchemaBlock(attributes, blocks);
    }

    /// <summary>Resource or data source types by name: each starts with its part's name, none is declared twice.</summary>
    private Dictionary<string, T> Index<T>(string kind, Func<PartRuntime, IEnumerable<T>> typesOf, Func<T, string> nameOf)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var part in _parts)
        {
            foreach (var t in typesOf(part))
            {
                var name = nameOf(t);
                if (!name.StartsWith(part.Name + "_", StringComparison.Ordinal))
                    throw new SchemaDefinitionException($"{kind} type \"{name}\" must start with \"{part.Name}_\", the name of its provider part.");
                if (!index.TryAdd(name, t))
                    throw new SchemaDefinitionException($"{kind} type \"{name}\" is declared twice.");
            }
        }
        return index;
    }
}
