using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// One resource type as the protocol adapter sees it: every operation on plain cty values. The adapter decodes and
/// encodes the wire format; this layer runs the planning algorithm and the resource's typed CRUD.
/// </summary>
public interface IResourceRuntime
{
    string TypeName { get; }
    SchemaBlock Block { get; }
    long SchemaVersion { get; }
    /// <summary>Whether the resource type implements import (for documentation tools).</summary>
    bool SupportsImport { get; }
    void ValidateConfig(CtyValue config, bool writeOnlyAllowed, DiagnosticList diagnostics);
    Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue proposed, CtyValue config, byte[] priorPrivate, CancellationToken cancellationToken);
    Task<StateOutcome> ApplyAsync(CtyValue prior, CtyValue planned, CtyValue config, byte[] plannedPrivate, CancellationToken cancellationToken);
    Task<StateOutcome> ReadAsync(CtyValue state, byte[] privateState, CancellationToken cancellationToken);
    Task<StateOutcome> ImportAsync(string id, CancellationToken cancellationToken);
    StateOutcome UpgradeState(long version, ReadOnlySpan<byte> rawStateJson);
    /// <summary>Another type's state, from a <c>moved</c> block: mapped when the resource accepts that source, else an error.</summary>
    StateOutcome MoveState(StateMoveRequest source, ReadOnlySpan<byte> sourceStateJson);
}
