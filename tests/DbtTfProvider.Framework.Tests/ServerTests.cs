using System.Text;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Plugin.Cty;
using Google.Protobuf;
using Tfplugin6;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

/// <summary>The protocol adapter, called with real tfplugin6 messages and msgpack payloads.</summary>
public class ServerTests
{
    private readonly WidgetProvider _p = new();
    private static readonly TestCallContext Call = new();

    private DynamicValue Dv(CtyValue v) => WireConversions.Encode(v, _p.Block.ImpliedType);
    private CtyValue Read(DynamicValue dv) => WireConversions.Decode(dv, _p.Block.ImpliedType);

    private async Task Configure()
    {
        var config = V.Obj(_p.Server.Runtime.ConfigBlock);
        var r = await _p.Server.ConfigureProvider(new ConfigureProvider.Types.Request
        {
            TerraformVersion = "1.11.4",
            Config = WireConversions.Encode(config, _p.Server.Runtime.ConfigBlock.ImpliedType),
        }, Call);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public async Task The_schema_advertises_capabilities_flags_and_types_and_is_built_once()
    {
        var first = await _p.Server.GetProviderSchema(new GetProviderSchema.Types.Request(), Call);
        Assert.Same(first, await _p.Server.GetProviderSchema(new GetProviderSchema.Types.Request(), Call));
        Assert.Empty(first.Diagnostics);
        Assert.True(first.ServerCapabilities.PlanDestroy);
        Assert.True(first.ServerCapabilities.GetProviderSchemaOptional);
        Assert.Equal("endpoint", Assert.Single(first.Provider.Block.Attributes).Name);

        var widget = first.ResourceSchemas["test_widget"];
        Assert.Equal(2, widget.Version);
        var attrs = widget.Block.Attributes.ToDictionary(a => a.Name);
        Assert.True(attrs["password_wo"].WriteOnly && attrs["password_wo"].Optional);
        Assert.True(attrs["secret"].Sensitive && attrs["secret"].Computed && !attrs["secret"].Optional);
        Assert.True(attrs["mode"].Optional && attrs["mode"].Computed);
        Assert.True(attrs["name"].Required);
        Assert.Equal("[\"list\",\"string\"]", attrs["steps"].Type.ToStringUtf8());
        Assert.Equal(StringKind.Markdown, attrs["name"].DescriptionKind);
        var rule = widget.Block.BlockTypes.Single(b => b.TypeName == "rule");
        Assert.Equal(Tfplugin6.Schema.Types.NestedBlock.Types.NestingMode.Set, rule.Nesting);
        Assert.Equal(Tfplugin6.Schema.Types.NestedBlock.Types.NestingMode.Single, widget.Block.BlockTypes.Single(b => b.TypeName == "sampling").Nesting);
    }

    [Fact]
    public async Task Metadata_lists_resources_without_building_schemas()
    {
        var r = await _p.Server.GetMetadata(new GetMetadata.Types.Request(), Call);
        Assert.Equal("test_widget", Assert.Single(r.Resources).TypeName);
        Assert.True(r.ServerCapabilities.PlanDestroy);
    }

    [Fact]
    public async Task Malformed_msgpack_becomes_an_error_diagnostic_not_a_crash()
    {
        var r = await _p.Server.PlanResourceChange(new PlanResourceChange.Types.Request
        {
            TypeName = "test_widget",
            PriorState = new DynamicValue { Msgpack = ByteString.CopyFrom(0xc0) },
            ProposedNewState = new DynamicValue { Msgpack = ByteString.CopyFrom(0x81, 0xa4, (byte)'n', (byte)'a') },
            Config = new DynamicValue { Msgpack = ByteString.CopyFrom(0xde, 0xad) },
        }, Call);
        Assert.NotEmpty(r.Diagnostics);
        Assert.All(r.Diagnostics, d => Assert.Equal(Tfplugin6.Diagnostic.Types.Severity.Error, d.Severity));
        Assert.Contains(r.Diagnostics, d => d.Summary == "Invalid proposed new state from Terraform");
    }

    [Fact]
    public async Task Diagnostics_carry_attribute_paths_with_list_indexes()
    {
        var config = _p.Config(("name", Str("a")), ("steps", Strings("dbt run", "make")));
        var r = await _p.Server.ValidateResourceConfig(new ValidateResourceConfig.Types.Request
        {
            TypeName = "test_widget", Config = Dv(config), ClientCapabilities = new ClientCapabilities { WriteOnlyAttributesAllowed = true },
        }, Call);
        var steps = Assert.Single(r.Diagnostics).Attribute.Steps;
        Assert.Equal("steps", steps[0].AttributeName);
        Assert.Equal(1, steps[1].ElementKeyInt);
    }

    [Fact]
    public async Task A_client_without_write_only_support_gets_an_error_on_the_write_only_attribute()
    {
        var r = await _p.Server.ValidateResourceConfig(new ValidateResourceConfig.Types.Request
        {
            TypeName = "test_widget", Config = Dv(_p.Config(("name", Str("a")), ("password_wo", Str("x")))),
        }, Call);
        Assert.Equal("password_wo", Assert.Single(r.Diagnostics).Attribute.Steps.Single().AttributeName);
    }

    [Fact]
    public async Task An_unknown_resource_type_is_a_diagnostic()
    {
        var r = await _p.Server.ValidateResourceConfig(new ValidateResourceConfig.Types.Request { TypeName = "test_nothing" }, Call);
        Assert.Contains("test_nothing", Assert.Single(r.Diagnostics).Detail);
    }

    [Fact]
    public async Task Plan_apply_read_import_and_destroy_over_the_wire()
    {
        await Configure();
        var nullState = Dv(_p.NullState);
        var config = _p.Config(("name", Str("a")), ("kind", Str("k1")));
        var plan = await _p.Server.PlanResourceChange(new PlanResourceChange.Types.Request
        {
            TypeName = "test_widget", PriorState = nullState, ProposedNewState = Dv(V.Proposed(_p.Block, _p.NullState, config)), Config = Dv(config),
        }, Call);
        Assert.Empty(plan.Diagnostics);
        Assert.False(plan.LegacyTypeSystem);
        Assert.True(Read(plan.PlannedState).GetAttribute("id").IsUnknown);

        var apply = await _p.Server.ApplyResourceChange(new ApplyResourceChange.Types.Request
        {
            TypeName = "test_widget", PriorState = nullState, PlannedState = plan.PlannedState, Config = Dv(config), PlannedPrivate = plan.PlannedPrivate,
        }, Call);
        Assert.Empty(apply.Diagnostics);
        var state = Read(apply.NewState);
        Assert.Equal(Str("1"), state.GetAttribute("id"));

        var changed = _p.Config(("name", Str("a")), ("kind", Str("k2")));
        var replan = await _p.Server.PlanResourceChange(new PlanResourceChange.Types.Request
        {
            TypeName = "test_widget", PriorState = apply.NewState, ProposedNewState = Dv(V.Proposed(_p.Block, state, changed)), Config = Dv(changed),
        }, Call);
        Assert.Equal("kind", Assert.Single(replan.RequiresReplace).Steps.Single().AttributeName);

        var imported = await _p.Server.ImportResourceState(new ImportResourceState.Types.Request { TypeName = "test_widget", Id = "1" }, Call);
        var stub = Assert.Single(imported.ImportedResources);
        Assert.Equal("test_widget", stub.TypeName);
        var read = await _p.Server.ReadResource(new ReadResource.Types.Request { TypeName = "test_widget", CurrentState = stub.State }, Call);
        Assert.Equal(Str("a"), Read(read.NewState).GetAttribute("name"));

        var destroyPlan = await _p.Server.PlanResourceChange(new PlanResourceChange.Types.Request
        {
            TypeName = "test_widget", PriorState = apply.NewState, ProposedNewState = nullState, Config = nullState,
        }, Call);
        Assert.True(Read(destroyPlan.PlannedState).IsNull);
        var destroy = await _p.Server.ApplyResourceChange(new ApplyResourceChange.Types.Request
        {
            TypeName = "test_widget", PriorState = apply.NewState, PlannedState = nullState, Config = nullState,
        }, Call);
        Assert.Empty(destroy.Diagnostics);
        Assert.True(Read(destroy.NewState).IsNull);

        var gone = await _p.Server.ReadResource(new ReadResource.Types.Request { TypeName = "test_widget", CurrentState = apply.NewState }, Call);
        Assert.Empty(gone.Diagnostics);
        Assert.True(Read(gone.NewState).IsNull);
    }

    [Fact]
    public async Task StopProvider_cancels_an_apply_in_flight()
    {
        await Configure();
        _p.Api.HangOnCreate = true;
        var config = _p.Config(("name", Str("a")));
        var apply = _p.Server.ApplyResourceChange(new ApplyResourceChange.Types.Request
        {
            TypeName = "test_widget", PriorState = Dv(_p.NullState), PlannedState = Dv(config.WithAttribute("id", UnknownString)), Config = Dv(config),
        }, Call);
        await Task.Delay(50);
        Assert.False(apply.IsCompleted);
        var stop = await _p.Server.StopProvider(new StopProvider.Types.Request(), Call);
        Assert.Equal("", stop.Error);
        var result = await apply.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Operation cancelled", Assert.Single(result.Diagnostics).Summary);
        Assert.True(Read(result.NewState).IsNull);
    }

    [Fact]
    public async Task Upgrade_over_the_wire_reads_the_raw_json_state()
    {
        var r = await _p.Server.UpgradeResourceState(new UpgradeResourceState.Types.Request
        {
            TypeName = "test_widget", Version = 2,
            RawState = new RawState { Json = ByteString.CopyFrom(Encoding.UTF8.GetBytes("{\"id\":\"9\",\"name\":\"n\",\"gone\":1}")) },
        }, Call);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(Str("9"), Read(r.UpgradedState).GetAttribute("id"));
    }
}
