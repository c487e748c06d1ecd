using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Framework.Provider;

/// <summary>One resource type's schema as documentation sees it.</summary>
public sealed record ResourceTypeSchema(string TypeName, long Version, SchemaBlock Block, bool SupportsImport);
