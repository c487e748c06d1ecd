using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging.Abstractions;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class NestModel
{
    public TfString Id;
    public TfObject<OwnerModel> Owner;
    public TfList<StepModel> Steps;
    public TfSet<GrantModel> Grants;
    public TfMap<LabelModel> Labels;
    public TfObject<SummaryModel> Summary;
    public TfList<NoteModel> Notes;
}

public sealed class OwnerModel
{
    public TfString Name;
    public TfString Email;
    public TfString OwnerId;
    /// <summary>Only for the schema test that a block cannot be declared inside a nested attribute.</summary>
    public TfList<NoteModel> Inner;
}

public sealed class StepModel
{
    public TfString Command;
    public TfInt64 Timeout;
}

public sealed class GrantModel
{
    public TfInt64 Project;
    public TfString GrantId;
}

public sealed class LabelModel
{
    public TfString Value;
    public TfString Level;
}

public sealed class SummaryModel
{
    public TfInt64 Steps;
}

public sealed class NoteModel
{
    public TfString Text;
}

/// <summary>
/// <c>test_nest</c>: one nested attribute of each nesting mode (single, list, set, map), one computed-only nested
/// attribute, and a list block beside them, so that every walk over a schema meets both kinds.
/// </summary>
public sealed class NestResource : Resource<NestModel, NestApi>
{
    public override string TypeName => "test_nest";

    protected override void DefineSchema(ResourceSchemaBuilder<NestModel> schema)
    {
        schema.Description("Nested attributes of every kind.");
        schema.String("id", m => ref m.Id).Computed().UseStateForUnknown().Description("Id.");
        schema.SingleNestedAttribute("owner", m => ref m.Owner, o =>
        {
            o.String("name", x => ref x.Name).Required().LengthAtLeast(1).Description("Owner's name.");
            o.String("email", x => ref x.Email).Optional().Deprecated("use name").Description("Owner's e-mail.");
            o.String("owner_id", x => ref x.OwnerId).Computed().UseStateForUnknown().Description("Set by the API.");
        }).Optional().ApiName("owner").Description("Who owns it.");
        schema.ListNestedAttribute("steps", m => ref m.Steps, st =>
        {
            st.String("command", x => ref x.Command).Required()
                .Validator(new StringValidator("starts with `dbt `", v => v.StartsWith("dbt ", StringComparison.Ordinal) ? null : "must start with \"dbt \""))
                .Description("A dbt command.");
            st.Int64("timeout", x => ref x.Timeout).Optional().Default(30).Description("Seconds.");
        }).Optional().Description("Steps, in order.");
        schema.SetNestedAttribute("grants", m => ref m.Grants, g =>
        {
            g.Int64("project", x => ref x.Project).Required().Range(1, null).Description("Project id.");
            g.String("grant_id", x => ref x.GrantId).Computed().UseStateForUnknown().Description("Set by the API.");
        }).Optional().RequiresReplace().Description("Grants, in any order.");
        schema.MapNestedAttribute("labels", m => ref m.Labels, l =>
        {
            l.String("value", x => ref x.Value).Required().Description("Label value.");
            l.String("level", x => ref x.Level).Optional().Default("info").OneOf("info", "warn").Description("Label level.");
        }).Optional().Description("Labels by name.");
        schema.SingleNestedAttribute("summary", m => ref m.Summary, su =>
        {
            su.Int64("steps", x => ref x.Steps).Computed().Description("How many steps.");
        }).Computed().Description("Filled in by the API.");
        schema.ListBlock("note", m => ref m.Notes, n => n.String("text", x => ref x.Text).Required().Description("Text.")).Description("Notes.");
    }

    public override Task CreateAsync(CreateContext<NestModel, NestApi> context)
    {
        var plan = context.Plan;
        plan.Id = "n-" + context.Client.NextId++;
        if (plan.Owner.IsKnown) plan.Owner.Value.OwnerId = "o-" + plan.Owner.Value.Name.Value;
        if (context.Client.RenameOwner) plan.Owner.Value.Name = plan.Owner.Value.Name.Value + "-renamed";
        Fill(plan);
        context.Client.Objects[plan.Id.Value] = plan;
        context.State = plan;
        return Task.CompletedTask;
    }

    public override Task ReadAsync(ReadContext<NestModel, NestApi> context) => Task.CompletedTask;

    public override Task UpdateAsync(UpdateContext<NestModel, NestApi> context)
    {
        if (context.Plan.Owner.IsKnown && context.Plan.Owner.Value.OwnerId.IsUnknown) context.Plan.Owner.Value.OwnerId = "o-" + context.Plan.Owner.Value.Name.Value;
        Fill(context.Plan);
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(DeleteContext<NestModel, NestApi> context) => Task.CompletedTask;

    private static void Fill(NestModel plan)
    {
        if (plan.Grants.IsKnown)
            plan.Grants = TfSet<GrantModel>.Of(plan.Grants.Elements.Select(g => new GrantModel { Project = g.Project, GrantId = g.GrantId.IsKnown ? g.GrantId : "g-" + g.Project.Value }));
        plan.Summary = new SummaryModel { Steps = plan.Steps.IsKnown ? plan.Steps.Elements.Count : 0 };
    }
}

public sealed class NestApi
{
    public int NextId = 1;
    /// <summary>The API answers with another owner name than it was sent (a provider bug Terraform would reject).</summary>
    public bool RenameOwner;
    public readonly Dictionary<string, NestModel> Objects = [];
}

/// <summary>A provider serving <see cref="NestResource"/>, planning like Terraform and checking plans by its rules.</summary>
public sealed class NestProvider
{
    public NestApi Api { get; } = new();
    public ProviderServer Server { get; }

    public NestProvider()
    {
        var part = new ProviderPart<WidgetConfig, NestApi>
        {
            Name = "test",
            ConfigSchema = s => s.String("endpoint", c => ref c.Endpoint).Optional(),
            Configure = (_, _) => Task.FromResult(Api),
            Resources = [new NestResource()],
            DescribeError = _ => null,
        };
        Server = new ProviderServer(new ProviderDefinition(part), NullLoggerFactory.Instance,
            new ProviderServerOptions { ExecutableName = "terraform-provider-test", Environment = _ => null });
        var diagnostics = new DiagnosticList();
        Server.Runtime.ConfigureAsync(V.Obj(Server.Runtime.ConfigBlock), "1.11.4", diagnostics, CancellationToken.None).GetAwaiter().GetResult();
        Assert.False(diagnostics.HasErrors, diagnostics.ToString());
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
