using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Provider;

/// <summary>
/// The provider while one process runs: the parts of its persona, their merged configuration schema, their
/// configured clients and their resources by type name. Everything is built on first use, never before the handshake.
/// </summary>
public sealed class ProviderRuntime
{
    private readonly IReadOnlyList<PartRuntime> _parts;
    private readonly Lazy<SchemaBlock> _configBlock;
    private readonly Lazy<IReadOnlyDictionary<string, IResourceRuntime>> _resources;

    public ProviderRuntime(ProviderDefinition definition, ILoggerFactory loggerFactory, string executableName, Func<string, string?> environment)
    {
        _parts = definition.PartsFor(executableName).Select(p => p.CreateRuntime(loggerFactory, environment)).ToArray();
        _configBlock = new(MergeConfigBlocks);
        _resources = new(IndexResources);
    }

    public IEnumerable<string> PartNames => _parts.Select(p => p.Name);

    /// <summary>Resource type names, without building any schema.</summary>
    public IEnumerable<string> ResourceTypeNames => _parts.SelectMany(p => p.ResourceTypeNames);

    /// <summary>The provider block: the union of the parts' settings (a setting two parts declare is shared).</summary>
    public SchemaBlock ConfigBlock => _configBlock.Value;

    public IReadOnlyDictionary<string, IResourceRuntime> Resources => _resources.Value;

    public IResourceRuntime? FindResource(string typeName) => Resources.GetValueOrDefault(typeName);

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
                if (a.Sensitive && !first.Sensitive)
                    attributes[existing] = new SchemaAttribute
                    {
                        Name = first.Name, Type = first.Type, Required = first.Required, Optional = first.Optional, Sensitive = true,
                        Description = first.Description, Deprecation = first.Deprecation, Default = first.Default,
                        Validators = first.Validators, EnvironmentVariables = first.EnvironmentVariables, NestedType = first.NestedType,
                    };
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

    private IReadOnlyDictionary<string, IResourceRuntime> IndexResources()
    {
        var index = new Dictionary<string, IResourceRuntime>(StringComparer.Ordinal);
        foreach (var part in _parts)
        {
            foreach (var r in part.Resources)
            {
                if (!r.TypeName.StartsWith(part.Name + "_", StringComparison.Ordinal))
                    throw new SchemaDefinitionException($"Resource type \"{r.TypeName}\" must start with \"{part.Name}_\", the name of its provider part.");
                if (!index.TryAdd(r.TypeName, r))
                    throw new SchemaDefinitionException($"Resource type \"{r.TypeName}\" is declared twice.");
            }
        }
        return index;
    }
}
