using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Plugin.Cty;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

public class PlanningTests
{
    private readonly WidgetProvider _p = new();

    public PlanningTests() => Assert.Empty(_p.ConfigureAsync().Result);

    [Fact]
    public async Task Create_marks_computed_attributes_unknown_and_applies_defaults()
    {
        var config = _p.Config(("name", Str("a")), ("password_wo", Str("pw")));
        var plan = (await _p.PlanAsync(_p.NullState, config)).PlannedState;

        Assert.True(plan.GetAttribute("id").IsUnknown);
        Assert.True(plan.GetAttribute("secret").IsUnknown);
        Assert.True(plan.GetAttribute("size").IsUnknown);
        Assert.Equal(Str("standard"), plan.GetAttribute("mode"));
        Assert.Equal(Str("a"), plan.GetAttribute("name"));
        Assert.True(plan.GetAttribute("kind").IsNull, "optional, not computed: stays null");
        Assert.True(plan.GetAttribute("password_wo").IsNull, "write-only values never appear in a plan");
    }

    [Fact]
    public async Task Create_never_reports_replacement()
    {
        var plan = await _p.PlanAsync(_p.NullState, _p.Config(("name", Str("a")), ("kind", Str("k"))));
        Assert.Empty(plan.RequiresReplace);
    }

    [Fact]
    public async Task A_configured_default_attribute_keeps_the_configured_value()
    {
        var plan = (await _p.PlanAsync(_p.NullState, _p.Config(("name", Str("a")), ("mode", Str("fast"))))).PlannedState;
        Assert.Equal(Str("fast"), plan.GetAttribute("mode"));
    }

    [Fact]
    public async Task Unchanged_configuration_plans_exactly_the_prior_state()
    {
        var config = _p.Config(("name", Str("a")), ("password_wo", Str("pw")), ("rule", _p.Rules(_p.Rule("k1", "v1"))), ("steps", Strings("dbt run")));
        var state = await _p.CreateAsync(config);

        var plan = await _p.PlanAsync(state, config);

        Assert.Equal(state, plan.PlannedState);
        Assert.True(plan.PlannedState.IsWhollyKnown, "no (known after apply) in a no-op plan");
        Assert.Empty(plan.RequiresReplace);
        Assert.Equal(CtyMsgPack.Encode(state, _p.Block.ImpliedType), CtyMsgPack.Encode(plan.PlannedState, _p.Block.ImpliedType));
    }

    [Fact]
    public async Task Update_marks_only_computed_attributes_without_config_or_kept_state_unknown()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a")), ("rule", _p.Rules(_p.Rule("k1")))));
        var plan = (await _p.PlanAsync(state, _p.Config(("name", Str("b")), ("rule", _p.Rules(_p.Rule("k1")))))).PlannedState;

        Assert.Equal(Str("b"), plan.GetAttribute("name"));
        Assert.True(plan.GetAttribute("size").IsUnknown, "computed, no UseStateForUnknown: known after apply");
        Assert.Equal(state.GetAttribute("id"), plan.GetAttribute("id"));
        Assert.Equal(state.GetAttribute("secret"), plan.GetAttribute("secret"));
        Assert.Equal(Str("standard"), plan.GetAttribute("mode"));
        // UseStateForUnknown works inside set elements too: the element is matched by its non-computed attributes.
        Assert.Equal(Str("r-k1"), Assert.Single(plan.GetAttribute("rule").Elements).GetAttribute("rule_id"));
    }

    [Fact]
    public async Task A_default_is_restored_when_the_remote_value_drifted_and_config_is_silent()
    {
        var state = (await _p.CreateAsync(_p.Config(("name", Str("a"))))).WithAttribute("mode", Str("fast"));
        var plan = (await _p.PlanAsync(state, _p.Config(("name", Str("a"))))).PlannedState;
        Assert.Equal(Str("standard"), plan.GetAttribute("mode"));
    }

    [Fact]
    public async Task RequiresReplace_reports_the_changed_attribute_only_on_change()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a")), ("kind", Str("k1"))));

        var rename = await _p.PlanAsync(state, _p.Config(("name", Str("b")), ("kind", Str("k1"))));
        Assert.Empty(rename.RequiresReplace);

        var rekind = await _p.PlanAsync(state, _p.Config(("name", Str("a")), ("kind", Str("k2"))));
        Assert.Equal([CtyPath.Attribute("kind")], rekind.RequiresReplace);
    }

    [Fact]
    public async Task A_changed_set_of_blocks_with_RequiresReplace_reports_the_set_path()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a")), ("rule", _p.Rules(_p.Rule("k1")))));

        var added = await _p.PlanAsync(state, _p.Config(("name", Str("a")), ("rule", _p.Rules(_p.Rule("k1"), _p.Rule("k2", "v")))));

        Assert.Equal([CtyPath.Attribute("rule")], added.RequiresReplace);
        var rules = added.PlannedState.GetAttribute("rule").Elements;
        Assert.Equal(2, rules.Count);
        Assert.Equal(Str("r-k1"), rules.Single(r => r.GetAttribute("key").Equals(Str("k1"))).GetAttribute("rule_id"));
        Assert.True(rules.Single(r => r.GetAttribute("key").Equals(Str("k2"))).GetAttribute("rule_id").IsUnknown, "a new element's computed value is known after apply");
    }

    [Fact]
    public async Task Blocks_on_create_plan_their_computed_attributes_unknown_and_absent_blocks_as_empty_sets()
    {
        var withRule = (await _p.PlanAsync(_p.NullState, _p.Config(("name", Str("a")), ("rule", _p.Rules(_p.Rule("k")))))).PlannedState;
        Assert.True(Assert.Single(withRule.GetAttribute("rule").Elements).GetAttribute("rule_id").IsUnknown);

        var without = (await _p.PlanAsync(_p.NullState, _p.Config(("name", Str("a"))))).PlannedState;
        Assert.True(without.GetAttribute("rule").IsKnown);
        Assert.Empty(without.GetAttribute("rule").Elements);
        Assert.True(without.GetAttribute("sampling").IsNull);
    }

    [Fact]
    public async Task Unknown_configuration_flows_into_the_plan()
    {
        var config = _p.Config(("name", UnknownString), ("steps", CtyValue.List(CtyType.String, [Str("dbt run"), UnknownString])));
        var plan = (await _p.PlanAsync(_p.NullState, config)).PlannedState;
        Assert.True(plan.GetAttribute("name").IsUnknown);
        Assert.Equal(config.GetAttribute("steps"), plan.GetAttribute("steps"));
    }

    [Fact]
    public async Task Destroy_plans_a_null_state()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a"))));
        var plan = await _p.Runtime.PlanAsync(state, _p.NullState, _p.NullState, [], CancellationToken.None);
        Assert.True(plan.PlannedState.IsNull);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public async Task ModifyPlan_can_set_values_and_request_replacement_which_counts_only_on_change()
    {
        _p.Resource.OnModifyPlan = ctx =>
        {
            if (!ctx.IsCreate) ctx.Plan.Size = ctx.Prior!.Size;
            ctx.RequiresReplace("name");
            return Task.CompletedTask;
        };
        var state = await _p.CreateAsync(_p.Config(("name", Str("a")), ("steps", Strings("dbt run"))));

        var sameName = await _p.PlanAsync(state, _p.Config(("name", Str("a")), ("steps", Strings("dbt build"))));
        Assert.Equal(state.GetAttribute("size"), sameName.PlannedState.GetAttribute("size"));
        Assert.Empty(sameName.RequiresReplace);

        var newName = await _p.PlanAsync(state, _p.Config(("name", Str("b")), ("steps", Strings("dbt run"))));
        Assert.Equal([CtyPath.Attribute("name")], newName.RequiresReplace);
    }

    [Fact]
    public async Task ModifyPlan_that_touches_nothing_keeps_partly_unknown_collections_as_they_were()
    {
        _p.Resource.OnModifyPlan = ctx => { ctx.Plan.Size = 5; return Task.CompletedTask; };
        var steps = CtyValue.List(CtyType.String, [Str("dbt run"), UnknownString]);
        var plan = (await _p.PlanAsync(_p.NullState, _p.Config(("name", Str("a")), ("steps", steps)))).PlannedState;
        Assert.Equal(steps, plan.GetAttribute("steps"));
        Assert.Equal(Num(5), plan.GetAttribute("size"));
    }
}
