using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Plugin.Cty;
using FsCheck.Xunit;
using Tfplugin6;
using static DbtTfProvider.Framework.Tests.Fixtures.V;
using NestingMode = Tfplugin6.Schema.Types.Object.Types.NestingMode;

namespace DbtTfProvider.Framework.Tests;

/// <summary>
/// Nested attributes in each nesting mode (single, list, set, map) beside a block, through the schema Terraform
/// receives, planning, validation, API field paths and plan/apply over the wire.
/// </summary>
public class NestedAttributeTests
{
    private readonly NestProvider _p = new();
    private static readonly TestCallContext Call = new();

    private CtyValue FullConfig() => _p.Config(
        ("owner", _p.Owner("ann")),
        ("steps", _p.Steps(_p.Step("dbt run"), _p.Step("dbt test", 60))),
        ("grants", _p.Grants(_p.Grant(1), _p.Grant(2))),
        ("labels", _p.Labels(("team", _p.Label("data")), ("tier", _p.Label("gold", "warn")))));

    [Fact]
    public async Task The_schema_sends_each_nesting_mode_as_a_nested_type_without_a_type()
    {
        var schema = (await _p.Server.GetProviderSchema(new GetProviderSchema.Types.Request(), Call)).ResourceSchemas["test_nest"];
        var attrs = schema.Block.Attributes.ToDictionary(a => a.Name);

        Assert.Equal(NestingMode.Single, attrs["owner"].NestedType.Nesting);
        Assert.Equal(NestingMode.List, attrs["steps"].NestedType.Nesting);
        Assert.Equal(NestingMode.Set, attrs["grants"].NestedType.Nesting);
        Assert.Equal(NestingMode.Map, attrs["labels"].NestedType.Nesting);
        Assert.True(attrs["summary"].Computed && !attrs["summary"].Optional);
        foreach (var name in new[] { "owner", "steps", "grants", "labels", "summary" }) Assert.True(attrs[name].Type.IsEmpty, name);

        var owner = attrs["owner"].NestedType.Attributes.ToDictionary(a => a.Name);
        Assert.True(owner["name"].Required);
        Assert.True(owner["owner_id"].Computed);
        Assert.Equal("\"string\"", owner["name"].Type.ToStringUtf8());
        Assert.Equal("use name", owner["email"].DeprecationMessage);
        Assert.Contains("Defaults to `\"info\"`.", attrs["labels"].NestedType.Attributes.Single(a => a.Name == "level").Description);
        Assert.Equal("note", Assert.Single(schema.Block.BlockTypes).TypeName);
    }

    [Fact]
    public async Task Create_plans_defaults_and_unknowns_inside_every_kind_of_nested_object()
    {
        var plan = (await _p.PlanAsync(_p.NullState, FullConfig())).PlannedState;

        Assert.True(plan.GetAttribute("owner").GetAttribute("owner_id").IsUnknown);
        Assert.Equal(Str("ann"), plan.GetAttribute("owner").GetAttribute("name"));
        var steps = plan.GetAttribute("steps").Elements;
        Assert.Equal(Num(30), steps[0].GetAttribute("timeout"));
        Assert.Equal(Num(60), steps[1].GetAttribute("timeout"));
        Assert.All(plan.GetAttribute("grants").Elements, g => Assert.True(g.GetAttribute("grant_id").IsUnknown));
        var labels = plan.GetAttribute("labels").Attributes;
        Assert.Equal(Str("info"), labels["team"].GetAttribute("level"));
        Assert.Equal(Str("warn"), labels["tier"].GetAttribute("level"));
        Assert.True(plan.GetAttribute("summary").IsUnknown, "a computed-only nested attribute is unknown on create");
    }

    [Fact]
    public async Task Apply_fills_the_objects_and_an_unchanged_configuration_plans_exactly_the_state()
    {
        var state = await _p.ApplyAsync(_p.NullState, FullConfig());

        Assert.Equal(Str("o-ann"), state.GetAttribute("owner").GetAttribute("owner_id"));
        Assert.Equal(Num(2), state.GetAttribute("summary").GetAttribute("steps"));
        Assert.Equal(new[] { Str("g-1"), Str("g-2") }, state.GetAttribute("grants").Elements.Select(g => g.GetAttribute("grant_id")).OrderBy(v => v.AsString()));

        var plan = await _p.PlanAsync(state, FullConfig());
        Assert.Equal(state, plan.PlannedState);
        Assert.Empty(plan.RequiresReplace);
    }

    [Property(MaxTest = 40)]
    public void After_apply_the_same_objects_in_any_order_plan_no_change(byte[] projects, string[] labelNames)
    {
        var grants = projects.Select(b => (long)b + 1).Distinct().ToArray();
        var names = labelNames.Where(n => !string.IsNullOrEmpty(n)).Distinct().ToArray();
        CtyValue Config(IEnumerable<long> g, IEnumerable<string> l) => _p.Config(
            ("grants", _p.Grants(g.Select(_p.Grant).ToArray())),
            ("labels", _p.Labels(l.Select(n => (n, _p.Label("v-" + n))).ToArray())),
            ("steps", _p.Steps(grants.Select(n => _p.Step($"dbt run --select m{n}")).ToArray())));

        var state = _p.ApplyAsync(_p.NullState, Config(grants, names)).GetAwaiter().GetResult();
        var plan = _p.PlanAsync(state, Config(grants.Reverse(), names.Reverse())).GetAwaiter().GetResult();

        Assert.Equal(state, plan.PlannedState);
        Assert.Empty(plan.RequiresReplace);
    }

    [Fact]
    public async Task A_set_element_keeps_its_computed_values_and_a_change_to_the_set_replaces()
    {
        var state = await _p.ApplyAsync(_p.NullState, FullConfig());
        var changed = FullConfig().WithAttribute("grants", _p.Grants(_p.Grant(1), _p.Grant(3)));

        var plan = await _p.PlanAsync(state, changed);

        var grants = plan.PlannedState.GetAttribute("grants").Elements.ToDictionary(g => g.GetAttribute("project"), g => g.GetAttribute("grant_id"));
        Assert.Equal(Str("g-1"), grants[Num(1)]);
        Assert.True(grants[Num(3)].IsUnknown, "a new element has no prior value to keep");
        Assert.Equal("grants", Assert.Single(plan.RequiresReplace).ToString());
    }

    [Fact]
    public async Task Changing_a_list_element_and_a_map_entry_updates_in_place()
    {
        var state = await _p.ApplyAsync(_p.NullState, FullConfig());
        var changed = FullConfig()
            .WithAttribute("owner", _p.Owner("bob"))
            .WithAttribute("steps", _p.Steps(_p.Step("dbt run", 90)))
            .WithAttribute("labels", _p.Labels(("team", _p.Label("analytics"))));

        var plan = await _p.PlanAsync(state, changed);

        Assert.Empty(plan.RequiresReplace);
        var planned = plan.PlannedState;
        Assert.Equal(Str("o-ann"), planned.GetAttribute("owner").GetAttribute("owner_id"));   // UseStateForUnknown inside the object
        Assert.Equal(Num(90), Assert.Single(planned.GetAttribute("steps").Elements).GetAttribute("timeout"));
        Assert.Equal(Str("info"), Assert.Single(planned.GetAttribute("labels").Attributes).Value.GetAttribute("level"));
        Assert.True(planned.GetAttribute("summary").IsUnknown, "computed, and the object changed");

        var updated = await _p.ApplyAsync(state, changed);
        Assert.Equal(Num(1), updated.GetAttribute("summary").GetAttribute("steps"));
    }

    [Fact]
    public async Task A_result_differing_from_the_plan_inside_a_nested_object_is_reported_once_at_its_path()
    {
        _p.Api.RenameOwner = true;
        var config = FullConfig();
        var plan = await _p.PlanAsync(_p.NullState, config);
        var applied = await _p.Runtime.ApplyAsync(_p.NullState, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);

        var d = Assert.Single(applied.Diagnostics);
        Assert.Equal("owner.name", d.Path!.ToString());
        Assert.Contains("ann-renamed", d.Detail);
    }

    [Fact]
    public async Task Removing_an_optional_nested_attribute_plans_null()
    {
        var state = await _p.ApplyAsync(_p.NullState, FullConfig());
        var plan = (await _p.PlanAsync(state, FullConfig().WithAttribute("owner", Null(_p.Block.FindAttribute("owner")!.Type)))).PlannedState;
        Assert.True(plan.GetAttribute("owner").IsNull);
    }

    private DiagnosticList Validate(CtyValue config)
    {
        var diagnostics = new DiagnosticList();
        _p.Runtime.ValidateConfig(config, writeOnlyAllowed: true, diagnostics);
        return diagnostics;
    }

    [Fact]
    public void Validators_inside_nested_objects_report_at_the_path_of_the_value()
    {
        var config = _p.Config(
            ("owner", _p.Owner("")),
            ("steps", _p.Steps(_p.Step("dbt run"), _p.Step("make"))),
            ("labels", _p.Labels(("team", _p.Label("data", "loud")))));

        var errors = Validate(config).Where(d => d.Severity == DiagnosticSeverity.Error).ToDictionary(d => d.Path!.ToString());

        Assert.Equal(new[] { "labels[\"team\"].level", "owner.name", "steps[1].command" }, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("must start with \"dbt \"", errors["steps[1].command"].Detail);
        Assert.Contains("loud", errors["labels[\"team\"].level"].Detail);
    }

    [Fact]
    public void A_problem_inside_a_set_element_is_reported_at_the_set()
    {
        var d = Assert.Single(Validate(_p.Config(("grants", _p.Grants(_p.Grant(5), _p.Grant(0))))));
        Assert.Equal(CtyPath.Attribute("grants"), d.Path);
        Assert.Contains("project", d.Detail);
    }

    [Fact]
    public void A_deprecated_attribute_inside_a_nested_object_warns_at_its_path()
    {
        var d = Assert.Single(Validate(_p.Config(("owner", _p.Owner("ann", "ann@example.com")))));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("owner.email", d.Path!.ToString());
    }

    [Fact]
    public void Unknown_nested_values_pass_validation()
    {
        var config = _p.Config(
            ("owner", CtyValue.Unknown(_p.Block.FindAttribute("owner")!.Type)),
            ("steps", _p.Steps(_p.Step("dbt run").WithAttribute("command", UnknownString))));
        Assert.Empty(Validate(config));
    }

    [Fact]
    public void An_api_field_inside_a_single_nested_attribute_maps_to_its_path()
    {
        Assert.Equal("owner.name", _p.Block.PathForApiField("owner.name")!.ToString());
        Assert.Equal("owner", _p.Block.PathForApiField("owner")!.ToString());
        Assert.Equal("steps", _p.Block.PathForApiField("steps.command")!.ToString());
    }

    [Fact]
    public async Task Plan_and_apply_over_the_wire_round_trip_every_nesting_mode()
    {
        var type = _p.Block.ImpliedType;
        DynamicValue Dv(CtyValue v) => WireConversions.Encode(v, type);
        var config = FullConfig();
        var plan = await _p.Server.PlanResourceChange(new PlanResourceChange.Types.Request
        {
            TypeName = "test_nest", PriorState = Dv(_p.NullState), ProposedNewState = Dv(V.Proposed(_p.Block, _p.NullState, config)), Config = Dv(config),
        }, Call);
        Assert.Empty(plan.Diagnostics);

        var apply = await _p.Server.ApplyResourceChange(new ApplyResourceChange.Types.Request
        {
            TypeName = "test_nest", PriorState = Dv(_p.NullState), PlannedState = plan.PlannedState, Config = Dv(config), PlannedPrivate = plan.PlannedPrivate,
        }, Call);
        Assert.Empty(apply.Diagnostics);
        var state = WireConversions.Decode(apply.NewState, type);
        Assert.True(state.IsWhollyKnown);
        Assert.Equal(config.GetAttribute("labels").Attributes.Keys, state.GetAttribute("labels").Attributes.Keys);
        Assert.Equal(state, WireConversions.Decode(Dv(state), type));
        Assert.Equal(state, CtyJson.Decode(CtyJson.Encode(state, type), type));
    }

    [Fact]
    public void A_block_inside_a_nested_attribute_is_a_schema_error()
    {
        var s = new ResourceSchemaBuilder<NestModel>("test_bad");
        var e = Assert.Throws<SchemaDefinitionException>(() =>
            s.SingleNestedAttribute("owner", m => ref m.Owner, o => o.ListBlock("inner", x => ref x.Inner, i => i.String("text", y => ref y.Text).Required())).Optional());
        Assert.Contains("\"inner\" is a block", e.Message);
    }

    [Fact]
    public void A_computed_only_nested_attribute_with_a_settable_attribute_is_a_schema_error()
    {
        var s = new ResourceSchemaBuilder<NestModel>("test_bad");
        s.SingleNestedAttribute("owner", m => ref m.Owner, o => o.String("name", x => ref x.Name).Required()).Computed();
        var e = Assert.Throws<SchemaDefinitionException>(() => s.BuildResource());
        Assert.Contains("attribute \"owner\"", e.Message);
        Assert.Contains("\"name\" is not", e.Message);
    }
}
