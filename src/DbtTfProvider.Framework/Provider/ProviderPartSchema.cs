using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Framework.Provider;

/// <summary>One part as documentation sees it: its provider block, its resource types and its data source types.</summary>
public sealed record ProviderPartSchema(string Name, SchemaBlock Config, IReadOnlyList<ResourceTypeSchema> Resources)
{
    public IReadOnlyList<DataSourceTypeSchema> DataSources { get; init; } = [];
}
