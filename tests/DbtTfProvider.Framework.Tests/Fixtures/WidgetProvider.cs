using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging.Abstractions;

namespace DbtTfProvider.Framework.Tests.Fixtures;

/// <summary>A provider with one part ("test") serving <see cref="WidgetResource"/> over an in-memory API.</summary>
public sealed class WidgetProvider
{
    public WidgetApi Api { get; } = new();
    public WidgetResource Resource { get; } = new();
    public ProviderServer Server { get; }
    public Dictionary<string, string> Environment { get; } = [];

    public WidgetProvider()
    {
        var part = new ProviderPart<WidgetConfig, WidgetApi>
        {
            Name = "test",
            ConfigSchema = s => s.String("endpoint", c => ref c.Endpoint).Optional().EnvironmentVariables("TEST_ENDPOINT"),
            Configure = (config, ctx) =>
            {
                if (config.Endpoint.ValueOrNull == "bad") throw new ResourceException("Bad endpoint", "cannot reach it", CtyPath.Attribute("endpoint"));
                return Task.FromResult(Api);
            },
            Resources = [Resource],
            DescribeError = WidgetResource.Describe,
        };
        Server = new ProviderServer(new ProviderDefinition(part), NullLoggerFactory.Instance,
            new ProviderServerOptions { ExecutableName = "terraform-provider-test", Environment = n => Environment.GetValueOrDefault(n) });
    }

    public IResourceRuntime Runtime => Server.Runtime.FindResource("test_widget")!;
    public SchemaBlock Block => Runtime.Block;

    public async Task<DiagnosticList> ConfigureAsync(CtyValue? endpoint = null)
    {
        var diagnostics = new DiagnosticList();
        var config = V.Obj(Server.Runtime.ConfigBlock, ("endpoint", endpoint ?? V.NullString));
        await Server.Runtime.ConfigureAsync(config, "1.11.4", diagnostics, CancellationToken.None);
        return diagnostics;
    }

    /// <summary>Plans like Terraform (proposed new state from prior and config) and checks the plan by Terraform's rules.</summary>
    public async Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue config)
    {
        var proposed = config.IsNull ? config : V.Proposed(Block, prior, config);
        var outcome = await Runtime.PlanAsync(prior, proposed, config, [], CancellationToken.None);
        if (!config.IsNull && !outcome.Diagnostics.HasErrors) PlanRules.AssertValid(Block, prior, config, outcome.PlannedState);
        return outcome;
    }

    public CtyValue NullState => CtyValue.Null(Block.ImpliedType);

    public CtyValue Config(params (string Name, CtyValue Value)[] values) => V.Obj(Block, values);

    public CtyValue Rule(string key, string? value = null, string? ruleId = null)
    {
        var rule = Block.FindBlock("rule")!.Block;
        return V.Obj(rule, ("key", V.Str(key)), ("value", CtyValue.StringOrNull(value)), ("rule_id", CtyValue.StringOrNull(ruleId)));
    }

    public CtyValue Rules(params CtyValue[] rules) => V.Set(Block.FindBlock("rule")!.Block, rules);

    /// <summary>Creates a widget through plan and apply and returns its state.</summary>
    public async Task<CtyValue> CreateAsync(CtyValue config)
    {
        var plan = await PlanAsync(NullState, config);
        Assert.False(plan.Diagnostics.HasErrors, plan.Diagnostics.ToString());
        var applied = await Runtime.ApplyAsync(NullState, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
        Assert.False(applied.Diagnostics.HasErrors, applied.Diagnostics.ToString());
        return applied.State;
    }
}
