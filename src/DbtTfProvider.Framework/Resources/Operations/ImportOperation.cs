using DbtTfProvider.Framework.Diagnostics;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>ImportResourceState: the resource's stub state (usually the id) with its home; Terraform reads it next.</summary>
internal sealed class ImportOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public async Task<StateOutcome> RunAsync(string id, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.Empty();
        TModel? stub = null;
        await kit.Guard.RunAsync(ResourceOperation.Import, diagnostics, async () =>
        {
            if (kit.Resource is not IImportableResource<TModel, TClient> importable)
                throw new ResourceException("Import not supported", $"{kit.TypeName} cannot be imported.");
            var context = new ImportContext<TModel, TClient>(kit.TypeName, id, kit.Clients, privateState, kit.Logger, cancellationToken);
            await importable.ImportAsync(context);
            diagnostics.AddRange(context.Diagnostics);
            stub = context.State;
        }, config: null, cancellationToken);
        if (stub is null || diagnostics.HasErrors)
        {
            if (!diagnostics.HasErrors)
                diagnostics.AddError("Provider returned no state after import", $"{kit.TypeName}: ImportState did not set a state. This is a bug in the provider.");
            return new(kit.NoObject, privateState.ToBytes(), diagnostics);
        }
        return new(kit.Finish(kit.Home.Fill(kit.Binding.Encode(stub)), ResourceOperation.Import, diagnostics), privateState.ToBytes(), diagnostics);
    }
}
