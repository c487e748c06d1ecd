using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// Base class of every managed resource: declare the schema once, implement CRUD on the typed model. Everything
/// that is the same for every resource (unknown handling, defaults, replacement paths, partial state, "gone" when the
/// client confirms it, the object's home account, diagnostics from API errors) is done by the framework around these methods.
/// Throw <see cref="ResourceException"/> (or let API exceptions through: the provider part describes them) to fail.
/// </summary>
public abstract class Resource<TModel, TClient> : IResourceDefinition<TClient> where TModel : class, new() where TClient : class
{
    private ResourceSchema<TModel>? _schema;

    /// <summary>The full type name, e.g. <c>dbtcloud_service_token</c>; it must start with the part's name and "_".</summary>
    public abstract string TypeName { get; }

    protected abstract void DefineSchema(ResourceSchemaBuilder<TModel> schema);

    /// <summary>Built once, on first use (never before the handshake).</summary>
    public ResourceSchema<TModel> Schema
    {
        get
        {
            if (_schema is not null) return _schema;
            var builder = new ResourceSchemaBuilder<TModel>(TypeName);
            DefineSchema(builder);
            return _schema = builder.BuildResource();
        }
    }

    public abstract Task CreateAsync(CreateContext<TModel, TClient> context);

    /// <summary>
    /// Refresh <c>context.State</c> from the remote object. An error the provider part describes as confirmed gone
    /// removes it from state; any other error fails the refresh and keeps the state.
    /// </summary>
    public abstract Task ReadAsync(ReadContext<TModel, TClient> context);

    public abstract Task UpdateAsync(UpdateContext<TModel, TClient> context);

    /// <summary>An error described as confirmed gone counts as success: the object is already gone.</summary>
    public abstract Task DeleteAsync(DeleteContext<TModel, TClient> context);

    /// <summary>Whether the resource can be imported: it implements <see cref="IImportableResource{TModel, TClient}"/>.</summary>
    public bool SupportsImport => this is IImportableResource<TModel, TClient>;

    /// <summary>Whole-configuration checks beyond what attribute validators express. Values may be unknown.</summary>
    public virtual void ValidateConfig(ValidateConfigContext<TModel> context) { }

    /// <summary>Adjusts the plan after the framework's planning (create and update only).</summary>
    public virtual Task ModifyPlanAsync(ModifyPlanContext<TModel, TClient> context) => Task.CompletedTask;

    /// <summary>
    /// Plan-time reads that check the configuration against the service (see <see cref="ServiceCheck{TModel, TClient}"/>):
    /// run on create and when their attributes change, never on a no-op plan.
    /// </summary>
    public virtual IReadOnlyList<ServiceCheck<TModel, TClient>> ServiceChecks => [];

    /// <summary>
    /// For a service that lets objects share a name: how to list them, so that a plan that creates one warns of an
    /// existing namesake (see <see cref="NamesakeCheck{TModel, TClient}"/>). Null: no such warning.
    /// </summary>
    public virtual NamesakeCheck<TModel, TClient>? NamesakeCheck => null;

    IResourceRuntime IResourceDefinition<TClient>.CreateRuntime(ResourceServices<TClient> services) => new ResourceRuntime<TModel, TClient>(this, services);
}
