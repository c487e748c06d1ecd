using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>ValidateResourceConfig: the schema's validators along the configuration, then the resource's own checks once it is known.</summary>
internal sealed class ValidateConfigOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public void Run(CtyValue config, bool writeOnlyAllowed, DiagnosticList diagnostics)
    {
        ConfigValidation.Validate(kit.Block, config, diagnostics, writeOnlyAllowed);
        if (!config.IsKnown) return;
        kit.Guard.Run(ResourceOperation.Validate, diagnostics, () =>
        {
            var context = new ValidateConfigContext<TModel>(kit.Binding.Decode(config));
            kit.Resource.ValidateConfig(context);
            diagnostics.AddRange(context.Diagnostics);
        });
    }
}
