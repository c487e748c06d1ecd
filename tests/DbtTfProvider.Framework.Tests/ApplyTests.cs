using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Plugin.Cty;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

public class ApplyTests
{
    private readonly WidgetProvider _p = new();

    public ApplyTests() => Assert.Empty(_p.ConfigureAsync().Result);

    private async Task<Resources.StateOutcome> ApplyCreate(CtyValue config)
    {
        var plan = await _p.PlanAsync(_p.NullState, config);
        return await _p.Runtime.ApplyAsync(_p.NullState, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
    }

    [Fact]
    public async Task Create_returns_a_wholly_known_state_without_write_only_values()
    {
        var result = await ApplyCreate(_p.Config(("name", Str("a")), ("password_wo", Str("pw")), ("rule", _p.Rules(_p.Rule("k")))));
        Assert.Empty(result.Diagnostics);
        Assert.True(result.State.IsWhollyKnown);
        Assert.Equal(Str("1"), result.State.GetAttribute("id"));
        Assert.True(result.State.GetAttribute("password_wo").IsNull);
        Assert.Equal("pw", _p.Api.Passwords["1"]);
    }

    [Fact]
    public async Task A_create_that_fails_after_the_object_exists_returns_the_partial_state_with_the_error()
    {
        _p.Api.FailAfterCreate = true;
        var result = await ApplyCreate(_p.Config(("name", Str("a"))));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("Granting failed", error.Summary);
        Assert.False(result.State.IsNull, "the created object must reach the state (Terraform then taints it)");
        Assert.Equal(Str("1"), result.State.GetAttribute("id"));
        Assert.True(result.State.IsWhollyKnown);
    }

    [Fact]
    public async Task A_create_that_fails_before_anything_exists_returns_no_state()
    {
        _p.Api.RejectField = "name";
        var result = await ApplyCreate(_p.Config(("name", Str("a"))));
        Assert.True(result.State.IsNull);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(CtyPath.Attribute("name"), d.Path);
    }

    [Fact]
    public async Task An_API_error_naming_a_field_points_at_the_attribute_with_that_api_name()
    {
        _p.Api.RejectField = "sampling.tolerance";
        var result = await ApplyCreate(_p.Config(("name", Str("a"))));
        Assert.Equal(CtyPath.Attribute("sampling").Attr("tolerance"), Assert.Single(result.Diagnostics).Path);
    }

    [Fact]
    public async Task A_computed_value_left_unknown_is_reported_as_a_provider_bug_naming_it()
    {
        _p.Api.ForgetSecret = true;
        var result = await ApplyCreate(_p.Config(("name", Str("a"))));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(CtyPath.Attribute("secret"), d.Path);
        Assert.Contains("still unknown", d.Detail);
        Assert.True(result.State.IsWhollyKnown);
        Assert.True(result.State.GetAttribute("secret").IsNull);
    }

    [Fact]
    public async Task A_result_that_contradicts_a_known_planned_value_is_reported_naming_it()
    {
        _p.Api.RenameOnCreate = true;
        var result = await ApplyCreate(_p.Config(("name", Str("a"))));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(CtyPath.Attribute("name"), d.Path);
        Assert.Contains("a-renamed", d.Detail);
        Assert.False(result.State.IsNull, "the object exists, so it is kept in state");
    }

    [Fact]
    public async Task Update_returns_the_plan_with_computed_values_filled()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a"))));
        var config = _p.Config(("name", Str("b")));
        var plan = await _p.PlanAsync(state, config);
        var result = await _p.Runtime.ApplyAsync(state, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Str("b"), result.State.GetAttribute("name"));
        Assert.Equal(Num(2), result.State.GetAttribute("size"));
        Assert.Equal(state.GetAttribute("secret"), result.State.GetAttribute("secret"));
    }

    [Fact]
    public async Task A_failed_update_keeps_the_prior_state()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a"))));
        var config = _p.Config(("name", Str("b")));
        var plan = await _p.PlanAsync(state, config);
        _p.Api.RejectField = "name";
        var result = await _p.Runtime.ApplyAsync(state, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
        Assert.Equal(CtyPath.Attribute("name"), Assert.Single(result.Diagnostics).Path);
        Assert.Equal(state, result.State);
    }

    [Fact]
    public async Task Delete_returns_null_and_an_object_already_gone_counts_as_deleted()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a"))));
        var first = await _p.Runtime.ApplyAsync(state, _p.NullState, _p.NullState, [], CancellationToken.None);
        Assert.Empty(first.Diagnostics);
        Assert.True(first.State.IsNull);

        var again = await _p.Runtime.ApplyAsync(state, _p.NullState, _p.NullState, [], CancellationToken.None);
        Assert.Empty(again.Diagnostics);
        Assert.True(again.State.IsNull);
    }

    [Fact]
    public async Task Read_of_an_object_deleted_upstream_returns_null_so_Terraform_plans_a_create()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a"))));
        _p.Api.Objects.Clear();
        var read = await _p.Runtime.ReadAsync(state, [], CancellationToken.None);
        Assert.Empty(read.Diagnostics);
        Assert.True(read.State.IsNull);
    }

    [Fact]
    public async Task Read_reports_drift_and_keeps_values_the_API_does_not_return()
    {
        var state = await _p.CreateAsync(_p.Config(("name", Str("a"))));
        _p.Api.Objects["1"].Name = "changed";
        var read = await _p.Runtime.ReadAsync(state, [], CancellationToken.None);
        Assert.Equal(Str("changed"), read.State.GetAttribute("name"));
        Assert.Equal(state.GetAttribute("secret"), read.State.GetAttribute("secret"));
    }

    [Fact]
    public async Task Import_returns_a_stub_state_that_read_completes()
    {
        await _p.CreateAsync(_p.Config(("name", Str("a"))));
        var imported = await _p.Runtime.ImportAsync("1", CancellationToken.None);
        Assert.Empty(imported.Diagnostics);
        Assert.Equal(Str("1"), imported.State.GetAttribute("id"));
        Assert.True(imported.State.GetAttribute("rule").IsKnown, "blocks are empty sets, never null");
        var read = await _p.Runtime.ReadAsync(imported.State, imported.Private, CancellationToken.None);
        Assert.Equal(Str("a"), read.State.GetAttribute("name"));
    }

    [Fact]
    public async Task Without_a_configured_client_operations_fail_with_the_reason()
    {
        var p = new WidgetProvider();
        Assert.Empty(await p.ConfigureAsync(UnknownString));
        var result = await p.Runtime.ApplyAsync(p.NullState, p.Config(("name", Str("a")), ("id", UnknownString)), p.Config(("name", Str("a"))), [], CancellationToken.None);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("Provider not configured", d.Summary);
        Assert.Contains("endpoint", d.Detail);
        Assert.True(result.State.IsNull);
    }

    [Fact]
    public async Task Cancellation_reaches_the_resource_and_ends_the_operation_with_a_clear_error()
    {
        _p.Api.HangOnCreate = true;
        using var cts = new CancellationTokenSource();
        var config = _p.Config(("name", Str("a")));
        var plan = await _p.PlanAsync(_p.NullState, config);
        var apply = _p.Runtime.ApplyAsync(_p.NullState, plan.PlannedState, config, [], cts.Token);
        await Task.Delay(50);
        Assert.False(apply.IsCompleted);
        cts.Cancel();
        var result = await apply.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Operation cancelled", Assert.Single(result.Diagnostics).Summary);
    }

    [Fact]
    public async Task Private_state_is_echoed_unless_changed()
    {
        var bytes = "{\"k\":\"v\"}"u8.ToArray();
        var state = await _p.CreateAsync(_p.Config(("name", Str("a"))));
        var read = await _p.Runtime.ReadAsync(state, bytes, CancellationToken.None);
        Assert.Same(bytes, read.Private);

        var p = Resources.PrivateState.FromBytes(bytes);
        Assert.Equal("v", p.Get("k"));
        p.Set("etag", "\"x\"");
        Assert.Equal("{\"etag\":\"\\u0022x\\u0022\",\"k\":\"v\"}", System.Text.Encoding.UTF8.GetString(p.ToBytes()));
        Assert.Equal("\"x\"", Resources.PrivateState.FromBytes(p.ToBytes()).Get("etag"));
        Assert.Throws<ArgumentException>(() => p.Set(".framework", "x"));
    }
}
