namespace DbtTfProvider.Framework.Schema;

/// <summary>What a schema describes; some flags only make sense for one kind.</summary>
public enum SchemaKind { Resource, ProviderConfig, DataSource }
