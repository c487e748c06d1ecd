using System.Text.Json;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// UpgradeResourceState: the stored JSON of this version read as it is (attributes no longer in the schema dropped,
/// new ones null), of an older version through its registered upgrader, of a newer version refused.
/// </summary>
internal sealed class UpgradeStateOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public StateOutcome Run(long version, ReadOnlySpan<byte> rawStateJson)
    {
        var diagnostics = new DiagnosticList();
        var current = kit.Schema.Version;
        if (version > current)
        {
            diagnostics.AddError("State written by a newer provider",
                $"The state of this {kit.TypeName} has schema version {version}, but this provider only knows versions up to {current}. Use the provider version that wrote it, or a newer one.");
            return new(kit.NoObject, [], diagnostics);
        }

        CtyValue state;
        if (version == current)
        {
            try
            {
                state = CtyJson.Decode(rawStateJson, kit.Block.ImpliedType, ignoreUnknownAttributes: true);
            }
            catch (CtyDecodeException e)
            {
                diagnostics.AddError("Unreadable state", $"The stored state of this {kit.TypeName} could not be read at {e.Path}: {e.Message}");
                return new(kit.NoObject, [], diagnostics);
            }
        }
        else if (kit.Schema.Upgraders.TryGetValue(version, out var upgrade))
        {
            var json = rawStateJson.ToArray();
            CtyValue? upgraded = null;
            kit.Guard.Run(ResourceOperation.UpgradeState, diagnostics, () =>
            {
                using var doc = JsonDocument.Parse(json);
                upgraded = kit.Binding.Encode(upgrade(doc.RootElement));
            });
            if (upgraded is null) return new(kit.NoObject, [], diagnostics);
            state = upgraded;
        }
        else
        {
            diagnostics.AddError("No state upgrade path",
                $"The state of this {kit.TypeName} has schema version {version}, and this provider cannot upgrade it to version {current}.");
            return new(kit.NoObject, [], diagnostics);
        }

        state = StateRules.EmptyBlocksNotNull(kit.Block, state);
        kit.NoteHeld(state);
        return new(kit.Finish(state, ResourceOperation.UpgradeState, diagnostics), [], diagnostics);
    }
}
