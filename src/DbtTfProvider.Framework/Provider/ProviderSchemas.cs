using Microsoft.Extensions.Logging.Abstractions;

namespace DbtTfProvider.Framework.Provider;

/// <summary>
/// A read-only view of every schema a provider declares, for documentation generators and tests. It builds every
/// schema at once, so it is never used while serving Terraform (where schemas are built on first use).
/// </summary>
public static class ProviderSchemas
{
    public static IReadOnlyList<ProviderPartSchema> Describe(ProviderDefinition definition) =>
        definition.Parts.Select(part =>
        {
            var runtime = part.CreateRuntime(NullLoggerFactory.Instance, _ => null);
            var resources = runtime.Resources.Select(r => new ResourceTypeSchema(r.TypeName, r.SchemaVersion, r.Block, r.SupportsImport)).ToArray();
            var dataSources = runtime.DataSources.Select(d => new DataSourceTypeSchema(d.TypeName, d.Block)).ToArray();
            return new ProviderPartSchema(runtime.Name, runtime.ConfigBlock, resources) { DataSources = dataSources };
        }).ToArray();
}
