using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// ApplyResourceChange to no object. The object leaves state when the delete succeeds or the service confirms it
/// gone already; a failed delete keeps it in state, so it is neither lost nor forgotten.
/// </summary>
internal sealed class DeleteOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public async Task<StateOutcome> RunAsync(CtyValue prior, byte[] plannedPrivate, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(plannedPrivate);
        if (!kit.Home.Admits(prior, diagnostics)) return new(prior, privateState.ToBytes(), diagnostics);

        var outcome = await kit.Guard.RunAsync(ResourceOperation.Delete, diagnostics, async () =>
        {
            var context = new DeleteContext<TModel, TClient>(kit.Binding.Decode(prior), kit.Clients, privateState, kit.Logger, cancellationToken);
            await kit.Resource.DeleteAsync(context);
            diagnostics.AddRange(context.Diagnostics);
        }, config: null, cancellationToken);
        var gone = outcome is not GuardOutcome.Failed && !diagnostics.HasErrors;
        return new(gone ? kit.NoObject : prior, privateState.ToBytes(), diagnostics);
    }
}
