using System.Text.Json;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// MoveResourceState: another resource type's state, from a <c>moved</c> block, mapped by the source the resource
/// declares for it (<see cref="IMovableResource{TModel}"/>), without any API call; an undeclared source is an error.
/// </summary>
internal sealed class MoveStateOperation<TModel, TClient>(ResourceOperationKit<TModel, TClient> kit) where TModel : class, new() where TClient : class
{
    public StateOutcome Run(StateMoveRequest source, ReadOnlySpan<byte> sourceStateJson)
    {
        var diagnostics = new DiagnosticList();
        var typeName = kit.TypeName;
        var sources = kit.Resource is IMovableResource<TModel> movable ? movable.MoveSources : [];
        var match = sources.FirstOrDefault(m => m.Matches(source.SourceProviderAddress, source.SourceTypeName));
        if (match is null)
        {
            var accepted = sources.Count == 0 ? "no other resource type" : string.Join(", ", sources);
            diagnostics.AddError("Unsupported move",
                $"{typeName} cannot take the state of {source.SourceTypeName} (provider {source.SourceProviderAddress}): it accepts {accepted}. " +
                $"Remove the moved block, and bring the object under {typeName} with an import block instead.");
            return new(kit.NoObject, [], diagnostics);
        }
        if (source.SourceSchemaVersion > match.MaxSchemaVersion)
        {
            diagnostics.AddError("Unsupported move",
                $"The state of {source.SourceTypeName} has schema version {source.SourceSchemaVersion}, newer than version {match.MaxSchemaVersion}, " +
                $"the newest this provider knows how to move to {typeName}. Nothing was changed. Remove the moved block and import the object instead.");
            return new(kit.NoObject, [], diagnostics);
        }

        var json = sourceStateJson.ToArray();
        CtyValue? moved = null;
        kit.Guard.Run(ResourceOperation.MoveState, diagnostics, () =>
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                throw new ResourceException("Unreadable state", $"The state of {source.SourceTypeName} is not valid JSON: {e.Message}");
            }
            using (doc) moved = kit.Binding.Encode(match.Map(new JsonState(doc.RootElement)));
        });
        if (moved is null || diagnostics.HasErrors) return new(kit.NoObject, [], diagnostics);
        kit.Logger.LogDebug("{Type}: took the state of {Source} from {Provider}", typeName, source.SourceTypeName, source.SourceProviderAddress);
        var state = StateRules.EmptyBlocksNotNull(kit.Block, kit.Home.Fill(moved, onlyIfNotKnown: true));
        return new(kit.Finish(state, ResourceOperation.MoveState, diagnostics), PrivateState.Empty().ToBytes(), diagnostics);
    }
}
