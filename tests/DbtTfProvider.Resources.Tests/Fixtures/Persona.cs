using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Resources.Tests.Fixtures;

/// <summary>
/// One persona of the provider (terraform-provider-dbtcloud or -datafold) as one process serves it: the real
/// definition, configured against the emulator, driven the way Terraform drives it (plan from the proposed new state,
/// apply the plan, read, import then read). Every diagnostic it returns is kept, for the checks that no secret leaks.
/// </summary>
public sealed class Persona
{
    private readonly List<Diagnostic> _diagnostics = [];

    private Persona(ProviderRuntime runtime) => Runtime = runtime;

    public ProviderRuntime Runtime { get; }

    /// <summary>Every diagnostic any call returned so far, configure included.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The persona of <paramref name="executableName"/>, configured with <paramref name="settings"/> (environment variables ignored).</summary>
    public static async Task<Persona> ConfigureAsync(string executableName, ILoggerFactory loggers, params (string Name, CtyValue Value)[] settings)
    {
        var runtime = new ProviderRuntime(DbtTfProviderDefinition.Create(), loggers, executableName, _ => null);
        var persona = new Persona(runtime);
        var diagnostics = new DiagnosticList();
        await runtime.ConfigureAsync(V.Obj(runtime.ConfigBlock, settings), "1.11.4", diagnostics, CancellationToken.None);
        persona.Keep(diagnostics);
        Assert.False(diagnostics.HasErrors, diagnostics.ToString());
        return persona;
    }

    public IResourceRuntime Resource(string type) => Runtime.FindResource(type) ?? throw new ArgumentException($"no resource type {type}", nameof(type));

    /// <summary>A configuration of the type: the given attributes, every other one null (block sets empty).</summary>
    public CtyValue Config(string type, params (string Name, CtyValue Value)[] values) => V.Obj(Resource(type).Block, values);

    /// <summary>A set of nested blocks of the type's block <paramref name="blockName"/>.</summary>
    public CtyValue Blocks(string type, string blockName, params (string Name, CtyValue Value)[][] elements)
    {
        var block = Resource(type).Block.FindBlock(blockName)?.Block ?? throw new ArgumentException($"{type} has no block {blockName}", nameof(blockName));
        return V.Set(block, [.. elements.Select(e => V.Obj(block, e))]);
    }

    /// <summary>One nested block (a single block's value).</summary>
    public CtyValue Block(string type, string blockName, params (string Name, CtyValue Value)[] values) =>
        V.Obj(Resource(type).Block.FindBlock(blockName)!.Block, values);

    /// <summary>Plans as Terraform does (proposed new state from prior and configuration) and checks the plan by Terraform's rules.</summary>
    public async Task<PlanOutcome> PlanAsync(string type, StateOutcome? prior, CtyValue config)
    {
        var resource = Resource(type);
        var priorState = prior?.State ?? CtyValue.Null(resource.Block.ImpliedType);
        var proposed = V.Proposed(resource.Block, priorState, config);
        var plan = await resource.PlanAsync(priorState, proposed, config, prior?.Private ?? [], CancellationToken.None);
        Keep(plan.Diagnostics);
        if (!plan.Diagnostics.HasErrors) PlanRules.AssertValid(resource.Block, priorState, config, plan.PlannedState);
        return plan;
    }

    /// <summary>Plan and apply; the plan must succeed. The outcome's diagnostics are the apply's.</summary>
    public async Task<StateOutcome> ApplyAsync(string type, StateOutcome? prior, CtyValue config)
    {
        var plan = await PlanAsync(type, prior, config);
        Assert.False(plan.Diagnostics.HasErrors, plan.Diagnostics.ToString());
        var resource = Resource(type);
        var applied = await resource.ApplyAsync(prior?.State ?? CtyValue.Null(resource.Block.ImpliedType), plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
        Keep(applied.Diagnostics);
        return applied;
    }

    /// <summary>A create that must succeed: the new state.</summary>
    public async Task<StateOutcome> CreateAsync(string type, CtyValue config)
    {
        var created = await ApplyAsync(type, null, config);
        Assert.False(created.Diagnostics.HasErrors, created.Diagnostics.ToString());
        return created;
    }

    /// <summary>The refresh of a state.</summary>
    public async Task<StateOutcome> ReadAsync(string type, StateOutcome state)
    {
        var read = await Resource(type).ReadAsync(state.State, state.Private, CancellationToken.None);
        Keep(read.Diagnostics);
        return read;
    }

    /// <summary><c>terraform import</c>: the import, then the read Terraform makes of what it returned.</summary>
    public async Task<StateOutcome> ImportAsync(string type, string id)
    {
        var imported = await Resource(type).ImportAsync(id, CancellationToken.None);
        Keep(imported.Diagnostics);
        return imported.Diagnostics.HasErrors ? imported : await ReadAsync(type, imported);
    }

    /// <summary>A data source's read, with its configuration validated first as Terraform does.</summary>
    public async Task<(CtyValue Result, DiagnosticList Diagnostics)> ReadDataSourceAsync(string type, params (string Name, CtyValue Value)[] values)
    {
        IDataSourceRuntime dataSource = Runtime.FindDataSource(type) ?? throw new ArgumentException($"no data source type {type}", nameof(type));
        var config = V.Obj(dataSource.Block, values);
        var diagnostics = new DiagnosticList();
        dataSource.ValidateConfig(config, diagnostics);
        var result = diagnostics.HasErrors ? config : await dataSource.ReadAsync(config, diagnostics, CancellationToken.None);
        Keep(diagnostics);
        return (result, diagnostics);
    }

    private void Keep(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_diagnostics) _diagnostics.AddRange(diagnostics);
    }
}
