using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Framework.Provider;

/// <summary>One data source type's schema as documentation sees it.</summary>
public sealed record DataSourceTypeSchema(string TypeName, SchemaBlock Block);
