namespace DbtTfProvider.Framework.Schema;

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
