using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Framework.DataSources;

/// <summary>
/// Base class of every data source (<c>data "TYPE" "NAME" { … }</c>): declare the schema once with the same builder
/// as resources (arguments Required or Optional, results Computed), implement <see cref="ReadAsync"/> on the typed
/// model. The framework validates the configuration, turns errors into diagnostics as for resources (an API error's
/// field points at its attribute), and checks the result: every result attribute known, every argument as configured.
/// A read never writes: data sources only look things up.
/// </summary>
public abstract class DataSource<TModel, TClient> : IDataSourceDefinition<TClient> where TModel : class, new() where TClient : class
{
    private (SchemaBlock Block, ModelBinding<TModel> Binding)? _schema;

    /// <summary>The full type name, e.g. <c>dbtcloud_project</c>; it must start with the part's name and "_".</summary>
    public abstract string TypeName { get; }

    /// <summary>
    /// Arguments are <c>Required()</c> or <c>Optional()</c>, results <c>Computed()</c>. Defaults, plan modifiers and
    /// write-only attributes are for resources only.
    /// </summary>
    protected abstract void DefineSchema(SchemaBuilder<TModel> schema);

    /// <summary>Built once, on first use (never before the handshake).</summary>
    public (SchemaBlock Block, ModelBinding<TModel> Binding) Schema
    {
        get
        {
            if (_schema is { } built) return built;
            var builder = new SchemaBuilder<TModel>(SchemaKind.DataSource, $"data source {TypeName}", insideSet: false);
            DefineSchema(builder);
            _schema = builder.Build();
            return _schema.Value;
        }
    }

    /// <summary>
    /// Fill in <c>context.Result</c> (which starts as the configuration) from the service. To fail, throw
    /// <see cref="ResourceException"/> pointing at the argument at fault, or let API exceptions through (the provider
    /// part describes them).
    /// </summary>
    public abstract Task ReadAsync(ReadDataSourceContext<TModel, TClient> context);

    /// <summary>Whole-configuration checks beyond what attribute validators express. Values may be unknown.</summary>
    public virtual void ValidateConfig(ValidateConfigContext<TModel> context) { }

    IDataSourceRuntime IDataSourceDefinition<TClient>.CreateRuntime(ResourceServices<TClient> services) => new DataSourceRuntime<TModel, TClient>(this, services);
}
