using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources.Operations;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// A resource type behind <see cref="IResourceRuntime"/>: each request goes to its operation (<c>Operations/</c>, one
/// class per operation, as terraform-plugin-framework's fwserver has one file per RPC), all sharing one
/// <see cref="ResourceOperationKit{TModel, TClient}"/>.
/// </summary>
internal sealed class ResourceRuntime<TModel, TClient>(Resource<TModel, TClient> resource, ResourceServices<TClient> services) : IResourceRuntime
    where TModel : class, new() where TClient : class
{
    /// <summary>Built with the schema on first use (never before the handshake); a schema that breaks the home rule fails then.</summary>
    private readonly Lazy<ResourceOperationKit<TModel, TClient>> _kit = new(() => new(resource, services));

    private ResourceOperationKit<TModel, TClient> Kit => _kit.Value;

    public string TypeName => resource.TypeName;
    public SchemaBlock Block => Kit.Block;
    public long SchemaVersion => Kit.Schema.Version;
    public bool SupportsImport => resource.SupportsImport;

    public void ValidateConfig(CtyValue config, bool writeOnlyAllowed, DiagnosticList diagnostics) =>
        new ValidateConfigOperation<TModel, TClient>(Kit).Run(config, writeOnlyAllowed, diagnostics);

    public Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue proposed, CtyValue config, byte[] priorPrivate, CancellationToken cancellationToken) =>
        new PlanOperation<TModel, TClient>(Kit).RunAsync(prior, proposed, config, priorPrivate, cancellationToken);

    /// <summary>One RPC, three operations: a null plan deletes, a null prior state creates, anything else updates.</summary>
    public Task<StateOutcome> ApplyAsync(CtyValue prior, CtyValue planned, CtyValue config, byte[] plannedPrivate, CancellationToken cancellationToken) =>
        planned.IsNull ? new DeleteOperation<TModel, TClient>(Kit).RunAsync(prior, plannedPrivate, cancellationToken)
        : prior.IsNull ? new CreateOperation<TModel, TClient>(Kit).RunAsync(planned, config, plannedPrivate, cancellationToken)
        : new UpdateOperation<TModel, TClient>(Kit).RunAsync(prior, planned, config, plannedPrivate, cancellationToken);

    public Task<StateOutcome> ReadAsync(CtyValue state, byte[] privateState, CancellationToken cancellationToken) =>
        new ReadOperation<TModel, TClient>(Kit).RunAsync(state, privateState, cancellationToken);

    public Task<StateOutcome> ImportAsync(string id, CancellationToken cancellationToken) =>
        new ImportOperation<TModel, TClient>(Kit).RunAsync(id, cancellationToken);

    public StateOutcome UpgradeState(long version, ReadOnlySpan<byte> rawStateJson) =>
        new UpgradeStateOperation<TModel, TClient>(Kit).Run(version, rawStateJson);

    public StateOutcome MoveState(StateMoveRequest source, ReadOnlySpan<byte> sourceStateJson) =>
        new MoveStateOperation<TModel, TClient>(Kit).Run(source, sourceStateJson);
}
