using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// ApplyResourceChange without a prior state. Whatever the resource put in <c>context.State</c> is kept even when the
/// create then fails (partial state): once the remote object exists it must be in Terraform's state.
/// </summary>
internal sealed class CreateOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public async Task<StateOutcome> RunAsync(CtyValue planned, CtyValue config, byte[] plannedPrivate, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(plannedPrivate);
        TModel? created = null;
        await kit.Guard.RunAsync(ResourceOperation.Create, diagnostics, async () =>
        {
            var context = new CreateContext<TModel, TClient>(kit.Binding.Decode(planned), kit.Binding.Decode(config), kit.Clients, privateState,
                kit.Logger, cancellationToken);
            try
            {
                await kit.Resource.CreateAsync(context);
            }
            finally
            {
                created = context.State;
                diagnostics.AddRange(context.Diagnostics);
            }
            if (created is null && !diagnostics.HasErrors)
                diagnostics.AddError("Provider returned no state after create",
                    $"{kit.TypeName}: Create finished without setting the new state. This is a bug in the provider. Please report it.");
        }, config, cancellationToken);
        return kit.Applied(kit.NoObject, planned, created, ResourceOperation.Create, privateState, diagnostics);
    }
}
