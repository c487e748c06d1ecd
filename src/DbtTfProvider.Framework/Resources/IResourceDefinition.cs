namespace DbtTfProvider.Framework.Resources;

/// <summary>A resource type as a provider part lists it; the framework drives it through <see cref="IResourceRuntime"/>.</summary>
public interface IResourceDefinition<TClient> where TClient : class
{
    string TypeName { get; }
    internal IResourceRuntime CreateRuntime(ResourceServices<TClient> services);
}
