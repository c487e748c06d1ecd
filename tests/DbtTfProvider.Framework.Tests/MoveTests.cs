using System.Text;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Tests.Fixtures;
using Google.Protobuf;
using Tfplugin6;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

/// <summary>MoveResourceState: a <c>moved</c> block from another type (and provider) to <c>test_widget</c>.</summary>
public class MoveTests
{
    private readonly WidgetProvider _p = new();
    private static readonly TestCallContext Call = new();

    private Task<MoveResourceState.Types.Response> Move(string json, string provider = "registry.terraform.io/acme/legacy",
        string type = "legacy_gadget", long version = 1) =>
        _p.Server.MoveResourceState(new MoveResourceState.Types.Request
        {
            SourceProviderAddress = provider,
            SourceTypeName = type,
            SourceSchemaVersion = version,
            SourceState = new RawState { Json = ByteString.CopyFrom(Encoding.UTF8.GetBytes(json)) },
            TargetTypeName = "test_widget",
        }, Call);

    [Fact]
    public async Task The_capability_is_advertised()
    {
        var schema = await _p.Server.GetProviderSchema(new GetProviderSchema.Types.Request(), Call);
        Assert.True(schema.ServerCapabilities.MoveResourceState);
        Assert.True((await _p.Server.GetMetadata(new GetMetadata.Types.Request(), Call)).ServerCapabilities.MoveResourceState);
    }

    [Fact]
    public async Task An_accepted_source_is_mapped_with_nulls_for_what_it_lacks_and_no_api_call()
    {
        var r = await Move("""{"gadget_id": 42, "title": "old", "options": {"fast": true}, "commands": ["dbt ls"], "extra": [1, 2]}""");
        Assert.Empty(r.Diagnostics);
        var state = WireConversions.Decode(r.TargetState, _p.Block.ImpliedType);
        Assert.Equal(Str("42"), state.GetAttribute("id"));                     // a numeric id read as the string the target uses
        Assert.Equal(Str("old"), state.GetAttribute("name"));
        Assert.Equal(Str("fast"), state.GetAttribute("mode"));
        Assert.Equal(Str("dbt ls"), Assert.Single(state.GetAttribute("steps").Elements));
        Assert.True(state.GetAttribute("secret").IsNull);
        Assert.True(state.GetAttribute("rule").IsKnown && state.GetAttribute("rule").Elements.Count == 0, "a set of blocks is empty, not null");
        Assert.True(state.IsWhollyKnown);
        Assert.Equal(0, _p.Api.ReadCalls);
        Assert.Empty(_p.Api.Objects);
    }

    [Fact]
    public async Task Sdkv2_shapes_read_the_same_a_list_of_one_block_and_boolean_strings()
    {
        var r = await Move("""{"gadget_id": "5", "title": "t", "options": [{"fast": "true"}], "commands": null}""");
        Assert.Empty(r.Diagnostics);
        var state = WireConversions.Decode(r.TargetState, _p.Block.ImpliedType);
        Assert.Equal(Str("fast"), state.GetAttribute("mode"));
        Assert.True(state.GetAttribute("steps").IsNull);
    }

    [Fact]
    public async Task The_declared_address_may_omit_the_registry_host_and_case_does_not_matter()
    {
        var r = await Move("""{"gadget_id": "1", "title": "t"}""", provider: "registry.terraform.io/ACME/legacy");
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public async Task An_unknown_source_fails_naming_what_is_accepted()
    {
        var r = await Move("""{"gadget_id": "1"}""", provider: "registry.terraform.io/other/legacy");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("Unsupported move", d.Summary);
        Assert.Contains("registry.terraform.io/other/legacy", d.Detail);
        Assert.Contains("legacy_gadget of registry.terraform.io/acme/legacy", d.Detail);
        Assert.Contains("import", d.Detail);
        Assert.Null(r.TargetState);

        Assert.Equal("Unsupported move", Assert.Single((await Move("{}", type: "legacy_other")).Diagnostics).Summary);
    }

    [Fact]
    public async Task A_newer_source_schema_version_is_refused_not_guessed()
    {
        var r = await Move("""{"gadget_id": "1"}""", version: 2);
        var d = Assert.Single(r.Diagnostics);
        Assert.Contains("schema version 2", d.Detail);
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_names_the_source_attribute()
    {
        var r = await Move("""{"gadget_id": "1", "title": "t", "options": {"fast": 3}}""");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("Unreadable state", d.Summary);
        Assert.Contains("options.fast", d.Detail);
        Assert.Null(r.TargetState);
    }

    [Fact]
    public async Task Malformed_json_is_a_diagnostic()
    {
        var r = await Move("""{"gadget_id": """);
        Assert.Equal("Unreadable state", Assert.Single(r.Diagnostics).Summary);
    }

    [Fact]
    public async Task An_unknown_target_type_is_an_error()
    {
        var r = await _p.Server.MoveResourceState(new MoveResourceState.Types.Request
        {
            SourceProviderAddress = "registry.terraform.io/acme/legacy", SourceTypeName = "legacy_gadget",
            SourceState = new RawState { Json = ByteString.CopyFromUtf8("{}") }, TargetTypeName = "test_nothing",
        }, Call);
        Assert.Equal("Unknown resource type", Assert.Single(r.Diagnostics).Summary);
    }
}
