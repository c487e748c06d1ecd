using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// ReadResource (refresh). The object leaves state only when the service confirmed it gone and its state records
/// its home; any other error keeps the state as it was.
/// </summary>
internal sealed class ReadOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public async Task<StateOutcome> RunAsync(CtyValue state, byte[] privateBytes, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(privateBytes);
        if (!kit.Home.Admits(state, diagnostics)) return new(state, privateState.ToBytes(), diagnostics);

        ReadContext<TModel, TClient>? context = null;
        var outcome = await kit.Guard.RunAsync(ResourceOperation.Read, diagnostics, async () =>
        {
            context = new ReadContext<TModel, TClient>(kit.Binding.Decode(state), kit.Clients, privateState, kit.Logger, cancellationToken);
            await kit.Resource.ReadAsync(context);
            diagnostics.AddRange(context.Diagnostics);
        }, config: null, cancellationToken);

        if (outcome is GuardOutcome.ConfirmedGone)
        {
            if (!kit.Home.ProvesGone(state, diagnostics)) return new(state, privateState.ToBytes(), diagnostics);
            kit.Logger.LogDebug("{Type}: the service confirmed the remote object gone; removing it from state", kit.TypeName);
            return new(kit.NoObject, privateState.ToBytes(), diagnostics);
        }
        if (outcome is GuardOutcome.Failed || diagnostics.HasErrors || context is null) return new(state, privateState.ToBytes(), diagnostics);

        var newState = kit.Finish(kit.Home.Fill(kit.Binding.Encode(context.State)), ResourceOperation.Read, diagnostics);
        kit.NoteHeld(newState);
        return new(newState.Equals(state) ? state : newState, privateState.ToBytes(), diagnostics);
    }
}
