namespace DbtTfProvider.Framework.Schema;

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
