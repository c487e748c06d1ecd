namespace DbtTfProvider.Framework.Schema;

/// <summary>Builds the schema of a provider's configuration block (attributes with environment fallbacks and defaults).</summary>
public static class ProviderConfigSchema
{
    public static (SchemaBlock Block, ModelBinding<TConfig> Binding) Build<TConfig>(string owner, Action<SchemaBuilder<TConfig>> define)
        where TConfig : class, new()
    {
        var builder = new SchemaBuilder<TConfig>(SchemaKind.ProviderConfig, owner, insideSet: false);
        define(builder);
        return builder.Build();
    }
}
