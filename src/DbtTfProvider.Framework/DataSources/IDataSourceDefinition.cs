using DbtTfProvider.Framework.Resources;

namespace DbtTfProvider.Framework.DataSources;

/// <summary>A data source type as a provider part lists it; the framework drives it through <see cref="IDataSourceRuntime"/>.</summary>
public interface IDataSourceDefinition<TClient> where TClient : class
{
    string TypeName { get; }
    internal IDataSourceRuntime CreateRuntime(ResourceServices<TClient> services);
}
