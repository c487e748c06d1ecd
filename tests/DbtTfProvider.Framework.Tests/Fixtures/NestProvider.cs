using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Tests.Fixtures;

/// <summary>A provider serving <see cref="NestResource"/>, planning like Terraform and checking plans by its rules.</summary>
public sealed class NestProvider
{
    public NestApi Api { get; } = new();
    public ProviderServer Server { get; }

    public NestProvider()
    {
        Server = ConfiguredProvider.Serve(Api, new NestResource());
    }

    public IResourceRuntime Runtime => Server.Runtime.FindResource("test_nest")!;
    public SchemaBlock Block => Runtime.Block;
    public CtyValue NullState => CtyValue.Null(Block.ImpliedType);
    public SchemaBlock NestedObject(string attribute) => Block.FindAttribute(attribute)!.NestedType!.Object;

    public CtyValue Config(params (string Name, CtyValue Value)[] values) => V.Obj(Block, values);
    public CtyValue Owner(string name, string? email = null) => V.Obj(NestedObject("owner"), ("name", V.Str(name)), ("email", CtyValue.StringOrNull(email)));
    public CtyValue Step(string command, long? timeout = null) =>
        V.Obj(NestedObject("steps"), ("command", V.Str(command)), ("timeout", timeout is { } t ? V.Num(t) : V.Null(CtyType.Number)));
    public CtyValue Steps(params CtyValue[] steps) => CtyValue.List(NestedObject("steps").ImpliedType, steps);
    public CtyValue Grant(long project) => V.Obj(NestedObject("grants"), ("project", V.Num(project)));
    public CtyValue Grants(params CtyValue[] grants) => CtyValue.Set(NestedObject("grants").ImpliedType, grants);
    public CtyValue Label(string value, string? level = null) => V.Obj(NestedObject("labels"), ("value", V.Str(value)), ("level", CtyValue.StringOrNull(level)));
    public CtyValue Labels(params (string Key, CtyValue Value)[] labels) =>
        CtyValue.Map(NestedObject("labels").ImpliedType, labels.Select(l => KeyValuePair.Create(l.Key, l.Value)));

    public async Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue config)
    {
        var proposed = config.IsNull ? config : V.Proposed(Block, prior, config);
        var outcome = await Runtime.PlanAsync(prior, proposed, config, [], CancellationToken.None);
        if (!config.IsNull && !outcome.Diagnostics.HasErrors) PlanRules.AssertValid(Block, prior, config, outcome.PlannedState);
        return outcome;
    }

    public async Task<CtyValue> ApplyAsync(CtyValue prior, CtyValue config)
    {
        var plan = await PlanAsync(prior, config);
        Assert.False(plan.Diagnostics.HasErrors, plan.Diagnostics.ToString());
        var applied = await Runtime.ApplyAsync(prior, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
        Assert.False(applied.Diagnostics.HasErrors, applied.Diagnostics.ToString());
        return applied.State;
    }
}
