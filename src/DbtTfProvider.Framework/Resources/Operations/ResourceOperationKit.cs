using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// What every operation on one resource type shares: the resource, its built schema and model binding, the part's
/// client and logger, the guard that turns what resource code throws into diagnostics, the home rule, and the rules
/// for every state handed back to Terraform. Built with the schema, on first use (never before the handshake).
/// </summary>
internal sealed class ResourceOperationKit<TModel, TClient> where TModel : class, new() where TClient : class
{
    public ResourceOperationKit(Resource<TModel, TClient> resource, ResourceServices<TClient> services)
    {
        Resource = resource;
        Schema = resource.Schema;
        Clients = services.Clients;
        Logger = services.Logger;
        Guard = new OperationGuard(TypeName, Block, services.DescribeError, services.Logger);
        Home = new ResourceHomeRule<TClient>(TypeName, Block, services.Home, services.Clients);
        PlanChecks = resource.NamesakeCheck is { } namesakes ? [.. resource.ServiceChecks, NamesakeWarning.Check(TypeName, namesakes)] : resource.ServiceChecks;
    }

    public Resource<TModel, TClient> Resource { get; }
    public ResourceSchema<TModel> Schema { get; }
    public IClientSource<TClient> Clients { get; }
    public ILogger Logger { get; }
    public OperationGuard Guard { get; }
    public ResourceHomeRule<TClient> Home { get; }
    /// <summary>The resource's service checks, and its namesake check as one.</summary>
    public IReadOnlyList<ServiceCheck<TModel, TClient>> PlanChecks { get; }

    public string TypeName => Resource.TypeName;
    public SchemaBlock Block => Schema.Block;
    public ModelBinding<TModel> Binding => Schema.Binding;
    /// <summary>The object's id (its <c>id</c> attribute, as its import takes it), when the schema has one and it is known.</summary>
    public string? IdOf(CtyValue state) =>
        Block.FindAttribute("id")?.Type == CtyType.String && !state.IsNull && state.GetAttribute("id") is { IsKnown: true } id ? id.AsString() : null;

    /// <summary>
    /// Notes that Terraform's state holds <paramref name="state"/>'s object (it was upgraded or refreshed in this run):
    /// the resource's namesake check never warns of it.
    /// </summary>
    public void NoteHeld(CtyValue state)
    {
        if (Resource.NamesakeCheck is { } check && Clients.IsAvailable && IdOf(state) is { } id) NamesakeRun.Of(Clients.Client).Hold(check.Listing, id);
    }

    /// <summary>The state of no object: after a delete, a confirmed-gone read, or an operation that made nothing.</summary>
    public CtyValue NoObject => CtyValue.Null(Block.ImpliedType);

    /// <summary>The rules for every state returned to Terraform: write-only values null, nothing unknown.</summary>
    public CtyValue Finish(CtyValue state, ResourceOperation operation, DiagnosticList? reportUnknownsTo) =>
        StateRules.UnknownsToNull(Block, StateRules.NullWriteOnly(Block, state), TypeName, operation, reportUnknownsTo);

    /// <summary>
    /// The state after a create or update: the resource's new model with its home, finished and checked against the
    /// plan. Without a new model (nothing was created, or an update failed without saying what it changed), what
    /// Terraform had.
    /// </summary>
    public StateOutcome Applied(CtyValue prior, CtyValue planned, TModel? applied, ResourceOperation operation, PrivateState privateState,
        DiagnosticList diagnostics)
    {
        if (applied is null) return new(prior.IsNull ? NoObject : prior, privateState.ToBytes(), diagnostics);
        var state = Finish(Home.Fill(Binding.Encode(applied)), operation, diagnostics.HasErrors ? null : diagnostics);
        if (!diagnostics.HasErrors) StateRules.CheckMatchesPlan(Block, planned, state, TypeName, diagnostics);
        return new(state, privateState.ToBytes(), diagnostics);
    }
}
