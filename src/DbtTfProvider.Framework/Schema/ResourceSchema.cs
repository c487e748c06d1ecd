using System.Text.Json;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// Turns the raw JSON state written by an older schema version (the state file's <c>attributes</c> object) into the
/// current model. Throw a <c>ResourceException</c> to fail with a message.
/// </summary>
public delegate TModel StateUpgrade<out TModel>(JsonElement priorState);

/// <summary>The resource-level declaration: attributes and blocks plus the schema version and its state upgraders.</summary>
public sealed class ResourceSchemaBuilder<TModel> : SchemaBuilder<TModel> where TModel : class, new()
{
    private readonly Dictionary<long, StateUpgrade<TModel>> _upgraders = [];
    private long _version;

    internal ResourceSchemaBuilder(string typeName) : base(SchemaKind.Resource, $"resource {typeName}", insideSet: false) { }

    /// <summary>Bump when the state's shape changes, and register an upgrader from every older version still in use.</summary>
    public ResourceSchemaBuilder<TModel> Version(long version)
    {
        if (version < 0) throw new SchemaDefinitionException($"{Owner}: the schema version must not be negative.");
        _version = version;
        return this;
    }

    public ResourceSchemaBuilder<TModel> StateUpgrader(long fromVersion, StateUpgrade<TModel> upgrade)
    {
        _upgraders[fromVersion] = upgrade;
        return this;
    }

    internal ResourceSchema<TModel> BuildResource()
    {
        var (block, binding) = Build();
        foreach (var v in _upgraders.Keys.Where(v => v >= _version))
            throw new SchemaDefinitionException($"{Owner}: a state upgrader from version {v} is not older than the schema version {_version}.");
        return new ResourceSchema<TModel>(_version, block, binding, _upgraders);
    }
}

/// <summary>A resource's built schema: what the protocol adapter advertises and what the planner follows.</summary>
public sealed class ResourceSchema<TModel>(long version, SchemaBlock block, ModelBinding<TModel> binding, IReadOnlyDictionary<long, StateUpgrade<TModel>> upgraders)
    where TModel : class, new()
{
    public long Version { get; } = version;
    public SchemaBlock Block { get; } = block;
    public ModelBinding<TModel> Binding { get; } = binding;
    public IReadOnlyDictionary<long, StateUpgrade<TModel>> Upgraders { get; } = upgraders;

    /// <summary>The settings this schema declares as fields of the service's object (<see cref="ApiObjectMapping{TModel}"/>).</summary>
    public ApiObjectMapping<TModel> ApiObject => _apiObject ??= new ApiObjectMapping<TModel>(Block, Binding);
    private ApiObjectMapping<TModel>? _apiObject;
}

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
