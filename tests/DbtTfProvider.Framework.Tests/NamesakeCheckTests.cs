using System.Text;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Framework.Tests.Fixtures;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

/// <summary>
/// The namesake warning (<see cref="NamesakeCheck{TModel, TClient}"/>): on create only, exactly the name and the
/// resource's kind, one listing per scope for many creates, never the object a replacement replaces nor one Terraform's
/// state holds, and a failed listing a "could not check" warning.
/// </summary>
public sealed class NamesakeCheckTests
{
    public sealed class LotModel
    {
        public TfString Id;
        public TfString Name;
        public TfInt64 Yard;
    }

    public sealed class LotApi
    {
        public readonly List<Namesake> Lots = [];
        public readonly List<long> Listed = [];
        public bool ListingFails;
    }

    private sealed class Outage() : Exception("503 Service Unavailable after every retry");

    private sealed class LotResource : Resource<LotModel, LotApi>
    {
        public override string TypeName => "test_lot";

        protected override void DefineSchema(ResourceSchemaBuilder<LotModel> s)
        {
            s.String("id", m => ref m.Id).Computed().UseStateForUnknown();
            s.String("name", m => ref m.Name).Required();
            s.Int64("yard", m => ref m.Yard).Required().RequiresReplace();
        }

        /// <summary>Yard 99 does not exist.</summary>
        public override IReadOnlyList<ServiceCheck<LotModel, LotApi>> ServiceChecks { get; } = [new(["yard"], ctx =>
        {
            if (ctx.Plan.Yard.Value == 99) ctx.Fail("yard", "Yard not found", "There is no yard 99.");
            return Task.CompletedTask;
        })];

        public override NamesakeCheck<LotModel, LotApi> NamesakeCheck { get; } = new()
        {
            Kind = "parking lot",
            Listing = "lots",
            ScopeAttributes = ["yard"],
            Name = static m => m.Name.Value,
            Where = static (_, m) => $"yard {m.Yard.Value}",
            ListAsync = static (api, m, _) =>
            {
                api.Listed.Add(m.Yard.Value);
                if (api.ListingFails) throw new Outage();
                return Task.FromResult<IReadOnlyList<Namesake>>([.. api.Lots.Where(l => l.Type == m.Yard.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) || l.Type == "truck")]);
            },
            Admits = static n => n.Type != "truck",
        };

        public override Task CreateAsync(CreateContext<LotModel, LotApi> ctx)
        {
            ctx.Plan.Id = "new";
            ctx.State = ctx.Plan;
            return Task.CompletedTask;
        }

        public override Task ReadAsync(ReadContext<LotModel, LotApi> ctx) => Task.CompletedTask;
        public override Task UpdateAsync(UpdateContext<LotModel, LotApi> ctx) => Task.CompletedTask;
        public override Task DeleteAsync(DeleteContext<LotModel, LotApi> ctx) => Task.CompletedTask;
    }

    private readonly LotApi _api = new();
    private readonly ProviderServer _server;

    public NamesakeCheckTests()
    {
        _server = ConfiguredProvider.Serve(_api, new LotResource(), e => e is Outage o ? new ApiErrorDescription("Lots server error", o.Message) : null);
        _api.Lots.AddRange([
            new Namesake("7", "north", "2026-12-01T10:00:00Z", "1"),
            new Namesake("8", "North", null, "1"),        // another name: names match exactly
            new Namesake("9", "north", null, "truck"),    // another kind in the same listing
            new Namesake("20", "north", null, "2"),       // another scope
        ]);
    }

    private IResourceRuntime Runtime => _server.Runtime.FindResource("test_lot")!;
    private CtyValue NullState => CtyValue.Null(Runtime.Block.ImpliedType);
    private CtyValue Config(string name = "north", long yard = 1) => Obj(Runtime.Block, ("name", Str(name)), ("yard", Num(yard)));
    private CtyValue State(string id, string name = "north", long yard = 1) => Obj(Runtime.Block, ("id", Str(id)), ("name", Str(name)), ("yard", Num(yard)));

    private Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue config, byte[]? priorPrivate = null) =>
        Runtime.PlanAsync(prior, Proposed(Runtime.Block, prior, config), config, priorPrivate ?? [], CancellationToken.None);

    [Fact]
    public async Task A_create_warns_at_name_of_each_object_of_its_kind_with_exactly_that_name_in_its_scope()
    {
        var warning = WarningAtName(await PlanAsync(NullState, Config()));

        Assert.Equal("A parking lot named \"north\" already exists", warning.Summary);
        Assert.StartsWith("yard 1 already has a parking lot named \"north\": id 7 (created 2026-12-01T10:00:00Z). This plan creates another.", warning.Detail);
        Assert.Contains("`terraform import 'test_lot.<name in your configuration>' 7`", warning.Detail);
        Assert.Contains("give this resource another name", warning.Detail);
        Assert.Contains("Applying this plan as it is makes a second parking lot named \"north\"", warning.Detail);
        // One namesake: not 8 (another name), 9 (another kind) nor 20 (another scope).
    }

    [Fact]
    public async Task A_name_nothing_else_has_warns_of_nothing()
    {
        var plan = await PlanAsync(NullState, Config(name: "south"));

        Assert.Empty(plan.Diagnostics);
        Assert.Equal([1L], _api.Listed);
    }

    [Fact]
    public async Task Creates_in_one_scope_share_one_listing_and_another_scope_is_listed_once_more()
    {
        await PlanAsync(NullState, Config(name: "a"));
        await PlanAsync(NullState, Config(name: "b"));
        var other = await PlanAsync(NullState, Config(yard: 2));
        await PlanAsync(NullState, Config(name: "c", yard: 2));

        Assert.Equal([1L, 2L], _api.Listed);
        Assert.Contains("yard 2 already has a parking lot named \"north\": id 20.", Assert.Single(other.Diagnostics).Detail);
    }

    [Fact]
    public async Task No_op_plans_and_updates_list_nothing()
    {
        await PlanAsync(State("7"), Config());
        await PlanAsync(State("7"), Config(name: "renamed"));

        Assert.Empty(_api.Listed);
    }

    [Fact]
    public async Task The_create_of_a_replacement_does_not_name_the_object_it_replaces_and_does_not_keep_its_id()
    {
        // Terraform plans a replacement twice: with the prior state, then with none and the first answer's private state.
        _api.Lots.Add(new Namesake("11", "north", null, "1"));
        var prior = State("11", yard: 3);
        var first = await PlanAsync(prior, Config());
        Assert.Equal([CtyPath.Attribute("yard")], first.RequiresReplace);
        Assert.Empty(_api.Listed);

        Assert.Contains("\".replaces\":\"11\"", Encoding.UTF8.GetString(first.PlannedPrivate));

        var second = await PlanAsync(NullState, Config(), first.PlannedPrivate);

        var warning = Assert.Single(second.Diagnostics);
        Assert.Contains("already has a parking lot named \"north\": id 7 (created", warning.Detail);
        Assert.DoesNotContain("11", warning.Detail);
        Assert.DoesNotContain(".replaces", Encoding.UTF8.GetString(second.PlannedPrivate));
        // A plain create (no such private state) names it.
        var plain = await PlanAsync(NullState, Config());
        Assert.Contains("already has 2 parking lots named \"north\": ids 7 (created 2026-12-01T10:00:00Z), 11.", Assert.Single(plain.Diagnostics).Detail);
    }

    [Fact]
    public async Task The_create_of_a_replacement_keeps_nothing_of_the_replaced_objects_private_state()
    {
        // The replaced object's own private state (e.g. the markers of its create's unclear POSTs, which its reads sweep
        // for) reaches the replacement's create plan through the first answer; the new object must not inherit it.
        var replacedPrivate = Encoding.UTF8.GetBytes("""{"unclear_create_markers":"n0nce@1765000000"}""");
        var first = await PlanAsync(State("11", yard: 3), Config(), replacedPrivate);
        Assert.Contains("unclear_create_markers", Encoding.UTF8.GetString(first.PlannedPrivate));

        var second = await PlanAsync(NullState, Config(), first.PlannedPrivate);

        Assert.Empty(second.PlannedPrivate);
    }

    [Fact]
    public async Task An_object_Terraform_refreshed_or_upgraded_in_this_run_is_no_namesake()
    {
        // A tainted object is refreshed, then planned as a create with no prior state.
        await Runtime.ReadAsync(State("7"), [], CancellationToken.None);

        var plan = await PlanAsync(NullState, Config());

        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public async Task A_plan_another_check_fails_lists_nothing_and_warns_of_nothing()
    {
        var plan = await PlanAsync(NullState, Config(yard: 99));

        Assert.Equal("Yard not found", Assert.Single(plan.Diagnostics).Summary);
        Assert.Empty(_api.Listed);
    }

    [Fact]
    public async Task A_listing_that_fails_is_a_could_not_check_warning_and_the_plan_goes_on()
    {
        _api.ListingFails = true;

        var warning = WarningAtName(await PlanAsync(NullState, Config()));

        Assert.Equal("Could not check name and yard", warning.Summary);
        Assert.Contains("503 Service Unavailable", warning.Detail);
    }

    /// <summary>The plan's one diagnostic: a warning at <c>name</c>, and the plan goes on.</summary>
    private static Diagnostic WarningAtName(PlanOutcome plan)
    {
        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(CtyPath.Attribute("name"), warning.Path);
        Assert.False(plan.PlannedState.IsNull);
        return warning;
    }
}
