using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// The resource's plan-time checks against the service (<see cref="ServiceCheck{TModel, TClient}"/>, and its
/// <see cref="NamesakeCheck{TModel, TClient}"/> as one), each only on create or when one of its attributes changes, and
/// only once they are all known. A check that throws reached no
/// verdict: a warning, and the plan goes on.
/// </summary>
internal sealed class PlanServiceChecks<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public async Task RunAsync(CtyValue prior, CtyValue planned, PrivateState privateState, string? replaces, DiagnosticList diagnostics,
        CancellationToken cancellationToken)
    {
        var checks = kit.PlanChecks;
        if (checks.Count == 0 || !kit.Clients.IsAvailable || !planned.IsKnown) return;
        TModel? plan = null;
        foreach (var check in checks)
        {
            if ((check.OnCreateOnly && !prior.IsNull) || (check.WarnsOnly && diagnostics.HasErrors)) continue;
            var values = check.Attributes.Select(a => (Name: a, Value: planned.GetAttribute(a))).ToList();
            if (values.Any(v => !v.Value.IsWhollyKnown)) continue;
            if (!prior.IsNull && values.All(v => v.Value.Equals(prior.GetAttribute(v.Name)))) continue;
            var context = new ServiceCheckContext<TModel, TClient>(plan ??= kit.Binding.Decode(planned), prior.IsNull, replaces, kit.Clients, privateState,
                kit.Logger, cancellationToken);
            try
            {
                await check.RunAsync(context);
                diagnostics.AddRange(context.Diagnostics);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                diagnostics.AddRange(context.Diagnostics);
                var reason = kit.Guard.Describe(e) is { } api ? api.Detail : $"{e.GetType().Name}: {e.Message}";
                kit.Logger.LogWarning("{Type}: the plan-time check of {What} reached no verdict: {Exception}", kit.TypeName, check.What, e.GetType().Name);
                diagnostics.AddAttributeWarning(CtyPath.Attribute(check.Attributes[0]), $"Could not check {check.What}",
                    $"{kit.TypeName}: {check.What} could not be checked against the service during the plan: {reason.TrimEnd('.')}. " +
                    "The plan goes on; the service checks the values again when the change is applied.");
            }
            catch (OperationCanceledException)
            {
                diagnostics.AddError("Operation cancelled", $"{kit.TypeName}: the plan was cancelled because Terraform stopped the provider.");
                return;
            }
        }
    }
}
