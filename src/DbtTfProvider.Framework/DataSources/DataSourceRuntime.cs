using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.DataSources;

internal sealed class DataSourceRuntime<TModel, TClient>(DataSource<TModel, TClient> dataSource, ResourceServices<TClient> services) : IDataSourceRuntime
    where TModel : class, new() where TClient : class
{
    private OperationGuard? _guard;

    public string TypeName => dataSource.TypeName;
    public SchemaBlock Block => dataSource.Schema.Block;
    private ModelBinding<TModel> Binding => dataSource.Schema.Binding;
    /// <summary>Built on first use, as the schema it maps API fields with.</summary>
    private OperationGuard Guard => _guard ??= new(TypeName, Block, services.DescribeError, services.Logger);

    public void ValidateConfig(CtyValue config, DiagnosticList diagnostics)
    {
        ConfigValidation.Validate(Block, config, diagnostics, writeOnlyAllowed: false);
        if (!config.IsKnown) return;
        Guard.Run(ResourceOperation.Validate, diagnostics, () =>
        {
            var context = new ValidateConfigContext<TModel>(Binding.Decode(config));
            dataSource.ValidateConfig(context);
            diagnostics.AddRange(context.Diagnostics);
        });
    }

    public async Task<CtyValue> ReadAsync(CtyValue config, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        // What Terraform gets back when the read fails: it ignores the state then, but it must still be a known object.
        var unread = StateRules.UnknownsToNull(Block, config, TypeName, ResourceOperation.Read, null);
        if (!config.IsWhollyKnown)
        {
            diagnostics.AddError("Data source read with unknown configuration",
                $"{TypeName}: Terraform asked to read it while its configuration is not known yet. This is a bug in Terraform or the provider. Please report it.");
            return unread;
        }

        ReadDataSourceContext<TModel, TClient>? context = null;
        await Guard.RunAsync(ResourceOperation.ReadDataSource, diagnostics, async () =>
        {
            context = new ReadDataSourceContext<TModel, TClient>(Binding.Decode(config), Binding.Decode(config), services.Clients, services.Logger, cancellationToken);
            await dataSource.ReadAsync(context);
            diagnostics.AddRange(context.Diagnostics);
        }, config: null, cancellationToken);
        if (context is null || diagnostics.HasErrors) return unread;

        var result = StateRules.UnknownsToNull(Block, Binding.Encode(context.Result), TypeName, ResourceOperation.Read, diagnostics);
        StateRules.CheckKeepsConfig(Block, config, result, TypeName, diagnostics);
        return diagnostics.HasErrors ? unread : result;
    }
}
