using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging.Abstractions;
using Tfplugin6;
using WireDiagnostic = Tfplugin6.Diagnostic;

namespace DbtTfProvider.Framework.Tests;

/// <summary>
/// Data sources as a kind next to resources, through the tfplugin6 service with real messages: metadata and schema
/// entries, validation, reads that fill in results and keep arguments, the name look-up rule, and errors guarded as
/// for resources (API fields mapped to attributes, provider not configured, cancellation, provider bugs named).
/// </summary>
public sealed class DataSourceTests
{
    public sealed class ShelfModel
    {
        public TfString Name;
        public TfString Id;
        public TfInt64 ShelfId;
        public TfString Color;
    }

    /// <summary>An in-memory service: shelves by id, and how it was called.</summary>
    public sealed class ShelfApi
    {
        public readonly List<(long Id, string Name, string Color)> Shelves = [(1, "Oak", "brown"), (2, "Pine", "yellow")];
        public readonly List<string> Calls = [];
        public Exception? Failure;
        public TaskCompletionSource? Hang;
    }

    private sealed class ShelfRejected(string field) : Exception($"the service rejected {field}")
    {
        public string Field { get; } = field;
    }

    private sealed class ShelfDataSource : DataSource<ShelfModel, ShelfApi>
    {
        public bool LeaveColorUnknown, ChangeName;

        public override string TypeName => "test_shelf";

        protected override void DefineSchema(SchemaBuilder<ShelfModel> s)
        {
            s.Description("A shelf, by name.");
            s.String("name", m => ref m.Name).Required().LengthAtLeast(1).ApiName("shelf_name").Description("The shelf's name.");
            s.String("id", m => ref m.Id).Computed().Description("Its id.");
            s.Int64("shelf_id", m => ref m.ShelfId).Computed().Description("Its id, as a number.");
            s.String("color", m => ref m.Color).Optional().Computed().Description("Its colour; when set, it must match.");
        }

        public override void ValidateConfig(ValidateConfigContext<ShelfModel> context)
        {
            if (context.Config.Color.IsKnown && context.Config.Color.ValueOrNull == "plaid")
                context.Diagnostics.AddAttributeError("color", "No plaid shelves", "Shelves are never plaid.");
        }

        public override async Task ReadAsync(ReadDataSourceContext<ShelfModel, ShelfApi> context)
        {
            var api = context.Client;
            api.Calls.Add("list");
            if (api.Hang is { } hang) await hang.Task.WaitAsync(context.CancellationToken);
            if (api.Failure is { } failure) throw failure;
            var shelf = NameLookup.Single(api.Shelves, context.Config.Name.Value, s => s.Name, s => s.Id, "shelf", "the store");
            context.Result.Id = NumericIds.Format(shelf.Id);
            context.Result.ShelfId = shelf.Id;
            context.Result.Color = LeaveColorUnknown ? TfString.Unknown : shelf.Color;
            if (ChangeName) context.Result.Name = shelf.Name.ToUpperInvariant();
        }
    }

    private readonly ShelfApi _api = new();
    private readonly ShelfDataSource _shelf = new();
    private readonly ProviderServer _server;
    private static readonly TestCallContext Call = new();

    public DataSourceTests()
    {
        var part = new ProviderPart<WidgetConfig, ShelfApi>
        {
            Name = "test",
            ConfigSchema = s => s.String("endpoint", c => ref c.Endpoint).Optional(),
            Configure = (_, _) => Task.FromResult(_api),
            Resources = [],
            DataSources = [_shelf],
            DescribeError = e => e is ShelfRejected r ? new ApiErrorDescription("Shelf rejected", r.Message, r.Field) : null,
        };
        _server = new ProviderServer(new ProviderDefinition(part), NullLoggerFactory.Instance,
            new ProviderServerOptions { ExecutableName = "terraform-provider-test", Environment = _ => null });
    }

    private SchemaBlock Block => _server.Runtime.FindDataSource("test_shelf")!.Block;

    private CtyValue Config(string name, string? color = null) => V.Obj(Block, ("name", V.Str(name)), ("color", CtyValue.StringOrNull(color)));

    private async Task ConfigureAsync()
    {
        var r = await _server.ConfigureProvider(new ConfigureProvider.Types.Request
        {
            TerraformVersion = "1.11.4",
            Config = WireConversions.Encode(V.Obj(_server.Runtime.ConfigBlock), _server.Runtime.ConfigBlock.ImpliedType),
        }, Call);
        Assert.Empty(r.Diagnostics);
    }

    private async Task<(CtyValue? State, IReadOnlyList<WireDiagnostic> Diagnostics)> ReadAsync(CtyValue config, TestCallContext? call = null)
    {
        var r = await _server.ReadDataSource(new ReadDataSource.Types.Request
        {
            TypeName = "test_shelf",
            Config = WireConversions.Encode(config, Block.ImpliedType),
        }, call ?? Call);
        return (r.State is null ? null : WireConversions.Decode(r.State, Block.ImpliedType), r.Diagnostics);
    }

    private static string? AttributeOf(WireDiagnostic d) => d.Attribute?.Steps.Count > 0 ? d.Attribute.Steps[0].AttributeName : null;

    [Fact]
    public async Task Metadata_and_schema_list_the_data_source_next_to_the_resources()
    {
        var metadata = await _server.GetMetadata(new GetMetadata.Types.Request(), Call);
        Assert.Equal("test_shelf", Assert.Single(metadata.DataSources).TypeName);
        Assert.Empty(metadata.Resources);

        var schema = await _server.GetProviderSchema(new GetProviderSchema.Types.Request(), Call);
        Assert.Empty(schema.Diagnostics);
        Assert.Empty(schema.ResourceSchemas);
        var shelf = schema.DataSourceSchemas["test_shelf"];
        Assert.Equal("A shelf, by name.", shelf.Block.Description);
        var attributes = shelf.Block.Attributes.ToDictionary(a => a.Name);
        Assert.True(attributes["name"].Required && !attributes["name"].Computed);
        Assert.True(attributes["id"].Computed && !attributes["id"].Optional);
        Assert.Equal("\"number\"", attributes["shelf_id"].Type.ToStringUtf8());
        Assert.True(attributes["color"].Optional && attributes["color"].Computed);
    }

    [Fact]
    public async Task A_read_fills_in_the_results_and_keeps_the_arguments()
    {
        await ConfigureAsync();

        var (state, diagnostics) = await ReadAsync(Config("Pine"));

        Assert.Empty(diagnostics);
        Assert.Equal(V.Obj(Block, ("name", V.Str("Pine")), ("id", V.Str("2")), ("shelf_id", V.Num(2)), ("color", V.Str("yellow"))), state);
        Assert.Equal(["list"], _api.Calls);
    }

    [Fact]
    public async Task No_match_is_an_error_at_the_name_listing_the_names_that_exist_and_how_many_more()
    {
        await ConfigureAsync();
        for (var i = 3; i <= 25; i++) _api.Shelves.Add((i, $"Shelf {i}", "grey"));

        var (_, diagnostics) = await ReadAsync(Config("oak"));

        var error = Assert.Single(diagnostics);
        Assert.Equal(WireDiagnostic.Types.Severity.Error, error.Severity);
        Assert.Equal("name", AttributeOf(error));
        Assert.Equal("No shelf named \"oak\"", error.Summary);
        Assert.Contains("\"Oak\", \"Pine\", \"Shelf 3\"", error.Detail);
        Assert.Contains("\"Shelf 20\" and 5 more.", error.Detail);
        Assert.DoesNotContain("Shelf 21", error.Detail);
    }

    [Fact]
    public async Task Two_matches_are_an_error_at_the_name_listing_every_matching_id()
    {
        await ConfigureAsync();
        _api.Shelves.Add((7, "Pine", "white"));

        var (_, diagnostics) = await ReadAsync(Config("Pine"));

        var error = Assert.Single(diagnostics);
        Assert.Equal("name", AttributeOf(error));
        Assert.Equal("More than one shelf named \"Pine\"", error.Summary);
        Assert.Contains("ids 2, 7", error.Detail);
    }

    [Fact]
    public async Task An_api_error_is_guarded_as_for_resources_its_field_pointing_at_the_attribute()
    {
        await ConfigureAsync();
        _api.Failure = new ShelfRejected("shelf_name");

        var (_, diagnostics) = await ReadAsync(Config("Oak"));

        var error = Assert.Single(diagnostics);
        Assert.Equal("Shelf rejected", error.Summary);
        Assert.Equal("name", AttributeOf(error));
    }

    [Fact]
    public async Task An_unexpected_exception_and_an_unconfigured_provider_are_errors_not_crashes()
    {
        var (_, unconfigured) = await ReadAsync(Config("Oak"));
        Assert.Equal("Provider not configured", Assert.Single(unconfigured).Summary);
        Assert.Empty(_api.Calls);

        await ConfigureAsync();
        _api.Failure = new InvalidOperationException("boom");
        var (_, unexpected) = await ReadAsync(Config("Oak"));
        var error = Assert.Single(unexpected);
        Assert.Equal("Unexpected error during read data source", error.Summary);
        Assert.Contains("test_shelf: InvalidOperationException: boom", error.Detail);
    }

    [Fact]
    public async Task StopProvider_cancels_a_read_in_flight()
    {
        await ConfigureAsync();
        _api.Hang = new TaskCompletionSource();

        var read = ReadAsync(Config("Oak"));
        await _server.StopProvider(new StopProvider.Types.Request(), Call);
        var (_, diagnostics) = await read.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Operation cancelled", Assert.Single(diagnostics).Summary);
    }

    [Fact]
    public async Task A_result_left_unknown_or_a_changed_argument_is_reported_as_a_provider_bug_at_its_attribute()
    {
        await ConfigureAsync();
        _shelf.LeaveColorUnknown = true;
        var (unknownState, unknown) = await ReadAsync(Config("Oak"));
        Assert.Equal("color", AttributeOf(Assert.Single(unknown)));
        Assert.Equal("Provider returned an unknown value", unknown[0].Summary);
        Assert.True(unknownState!.IsWhollyKnown);

        _shelf.LeaveColorUnknown = false;
        _shelf.ChangeName = true;
        var (_, changed) = await ReadAsync(Config("Oak"));
        var error = Assert.Single(changed);
        Assert.Equal("name", AttributeOf(error));
        Assert.Equal("Provider changed a configured value", error.Summary);

        _shelf.ChangeName = false;
        var (_, colorMismatch) = await ReadAsync(Config("Oak", color: "yellow"));
        Assert.Equal("color", AttributeOf(Assert.Single(colorMismatch)));
    }

    [Fact]
    public async Task Validation_runs_attribute_validators_and_the_data_source_check_and_lets_unknowns_pass()
    {
        async Task<IReadOnlyList<WireDiagnostic>> Validate(CtyValue config) => (await _server.ValidateDataResourceConfig(
            new ValidateDataResourceConfig.Types.Request { TypeName = "test_shelf", Config = WireConversions.Encode(config, Block.ImpliedType) }, Call)).Diagnostics;

        Assert.Equal("name", AttributeOf(Assert.Single(await Validate(Config("")))));
        var plaid = Assert.Single(await Validate(Config("Oak", color: "plaid")));
        Assert.Equal(("color", "No plaid shelves"), (AttributeOf(plaid), plaid.Summary));
        Assert.Empty(await Validate(V.Obj(Block, ("name", V.UnknownString), ("color", V.UnknownString))));
        Assert.Empty(await Validate(Config("Oak")));
        Assert.Empty(_api.Calls);

        var unknownType = await _server.ValidateDataResourceConfig(new ValidateDataResourceConfig.Types.Request { TypeName = "test_table" }, Call);
        Assert.Equal("Unknown data source type", Assert.Single(unknownType.Diagnostics).Summary);
    }

    private sealed class DefaultedDataSource : DataSource<ShelfModel, ShelfApi>
    {
        public override string TypeName => "test_defaulted";
        protected override void DefineSchema(SchemaBuilder<ShelfModel> s) => s.String("name", m => ref m.Name).Optional().Default("Oak");
        public override Task ReadAsync(ReadDataSourceContext<ShelfModel, ShelfApi> context) => Task.CompletedTask;
    }

    private sealed class MisnamedDataSource : DataSource<ShelfModel, ShelfApi>
    {
        public override string TypeName => "other_shelf";
        protected override void DefineSchema(SchemaBuilder<ShelfModel> s) => s.String("name", m => ref m.Name).Required();
        public override Task ReadAsync(ReadDataSourceContext<ShelfModel, ShelfApi> context) => Task.CompletedTask;
    }

    [Fact]
    public void Resource_only_schema_features_and_a_foreign_type_name_are_refused_when_the_schema_is_built()
    {
        var defaulted = Assert.Throws<SchemaDefinitionException>(() => new DefaultedDataSource().Schema);
        Assert.Contains("data source test_defaulted, attribute \"name\": data source attributes cannot have a default", defaulted.Message);

        var part = new ProviderPart<WidgetConfig, ShelfApi>
        {
            Name = "test", ConfigSchema = _ => { }, Configure = (_, _) => Task.FromResult(_api), Resources = [], DataSources = [new MisnamedDataSource()],
        };
        var runtime = new ProviderRuntime(new ProviderDefinition(part), NullLoggerFactory.Instance, "terraform-provider-test", _ => null);
        var misnamed = Assert.Throws<SchemaDefinitionException>(() => runtime.DataSources);
        Assert.Contains("Data source type \"other_shelf\" must start with \"test_\"", misnamed.Message);
    }
}
