using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// ApplyResourceChange from a prior state to a planned one. An update that succeeds without setting
/// <c>context.State</c> applied the plan; one that fails without setting it keeps the prior state.
/// </summary>
internal sealed class UpdateOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public async Task<StateOutcome> RunAsync(CtyValue prior, CtyValue planned, CtyValue config, byte[] plannedPrivate, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(plannedPrivate);
        if (!kit.Home.Admits(prior, diagnostics)) return new(prior, privateState.ToBytes(), diagnostics);

        TModel? updated = null;
        await kit.Guard.RunAsync(ResourceOperation.Update, diagnostics, async () =>
        {
            var context = new UpdateContext<TModel, TClient>(kit.Binding.Decode(planned), kit.Binding.Decode(config), kit.Binding.Decode(prior),
                kit.Clients, privateState, kit.Logger, cancellationToken);
            var succeeded = false;
            try
            {
                await kit.Resource.UpdateAsync(context);
                succeeded = true;
            }
            finally
            {
                diagnostics.AddRange(context.Diagnostics);
                updated = context.State ?? (succeeded && !diagnostics.HasErrors ? context.Plan : null);
            }
        }, config, cancellationToken);
        return kit.Applied(prior, planned, updated, ResourceOperation.Update, privateState, diagnostics);
    }
}
