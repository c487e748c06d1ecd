using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging.Abstractions;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

/// <summary>
/// The framework removes an object from state only on an error described as confirmed gone, and never touches an
/// object recorded under another home (account, organisation) than the provider is configured for.
/// </summary>
public sealed class HomeAndGoneTests
{
    public sealed class GadgetModel
    {
        public TfString Id;
        public TfInt64 AccountId;
        public TfString Name;
    }

    public sealed class GadgetConfig
    {
        public TfInt64 Account;
    }

    /// <summary>One account's gadgets; <see cref="Unsure"/> makes reads fail with an error that proves nothing.</summary>
    public sealed class GadgetApi
    {
        public long Account = 1;
        public readonly Dictionary<string, string> Names = [];
        public readonly List<string> Calls = [];
        public bool Unsure;
    }

    private sealed class Gone(string id) : Exception($"gadget {id} is confirmed gone");
    private sealed class NotSure(string id) : Exception($"gadget {id} answered 404 once");

    private sealed class GadgetResource : Resource<GadgetModel, GadgetApi>, IImportableResource<GadgetModel, GadgetApi>
    {
        public override string TypeName => "test_gadget";

        protected override void DefineSchema(ResourceSchemaBuilder<GadgetModel> s)
        {
            s.String("id", m => ref m.Id).Computed().UseStateForUnknown();
            s.Int64("account_id", m => ref m.AccountId).Computed().UseStateForUnknown();
            s.String("name", m => ref m.Name).Required();
        }

        public override Task CreateAsync(CreateContext<GadgetModel, GadgetApi> ctx)
        {
            ctx.Client.Calls.Add("create");
            ctx.Plan.Id = "g" + (ctx.Client.Names.Count + 1);
            ctx.Client.Names[ctx.Plan.Id.Value] = ctx.Plan.Name.Value;
            ctx.State = ctx.Plan;
            return Task.CompletedTask;
        }

        public override Task ReadAsync(ReadContext<GadgetModel, GadgetApi> ctx)
        {
            var id = ctx.State.Id.Value;
            ctx.Client.Calls.Add("read " + id);
            if (ctx.Client.Unsure) throw new NotSure(id);
            ctx.State.Name = ctx.Client.Names.TryGetValue(id, out var name) ? name : throw new Gone(id);
            return Task.CompletedTask;
        }

        public override Task UpdateAsync(UpdateContext<GadgetModel, GadgetApi> ctx)
        {
            ctx.Client.Calls.Add("update " + ctx.Plan.Id.Value);
            ctx.Client.Names[ctx.Plan.Id.Value] = ctx.Plan.Name.Value;
            return Task.CompletedTask;
        }

        public override Task DeleteAsync(DeleteContext<GadgetModel, GadgetApi> ctx)
        {
            ctx.Client.Calls.Add("delete " + ctx.State.Id.Value);
            return ctx.Client.Names.Remove(ctx.State.Id.Value) ? Task.CompletedTask : throw new Gone(ctx.State.Id.Value);
        }

        public Task ImportAsync(ImportContext<GadgetModel, GadgetApi> ctx)
        {
            ctx.State = new GadgetModel { Id = ctx.Id };
            return Task.CompletedTask;
        }
    }

    private readonly GadgetApi _api = new();
    private readonly ProviderServer _server;

    public HomeAndGoneTests()
    {
        var part = new ProviderPart<GadgetConfig, GadgetApi>
        {
            Name = "test",
            ConfigSchema = s => s.Int64("account", c => ref c.Account).Optional(),
            Configure = (config, _) =>
            {
                _api.Account = config.Account.ValueOrNull ?? 1;
                return Task.FromResult(_api);
            },
            Resources = [new GadgetResource()],
            DescribeError = e => e switch
            {
                Gone g => new ApiErrorDescription("Gone", g.Message, IsConfirmedGone: true),
                NotSure n => new ApiErrorDescription("Not found once", n.Message),
                _ => null,
            },
            Home = new("account_id", "test account", "account (or TEST_ACCOUNT)", api => api.Account),
        };
        _server = new ProviderServer(new ProviderDefinition(part), NullLoggerFactory.Instance,
            new ProviderServerOptions { ExecutableName = "terraform-provider-test", Environment = _ => null });
    }

    private IResourceRuntime Runtime => _server.Runtime.FindResource("test_gadget")!;

    private async Task ConfigureAsync(long account)
    {
        var diagnostics = new DiagnosticList();
        await _server.Runtime.ConfigureAsync(Obj(_server.Runtime.ConfigBlock, ("account", Num(account))), "1.11.4", diagnostics, CancellationToken.None);
        Assert.False(diagnostics.HasErrors, diagnostics.ToString());
    }

    private CtyValue Config(string name) => Obj(Runtime.Block, ("name", Str(name)));

    private async Task<CtyValue> CreateAsync(string name)
    {
        var config = Config(name);
        var plan = await Runtime.PlanAsync(CtyValue.Null(Runtime.Block.ImpliedType), Proposed(Runtime.Block, CtyValue.Null(Runtime.Block.ImpliedType), config),
            config, [], CancellationToken.None);
        Assert.Equal(Num(1), plan.PlannedState.GetAttribute("account_id"));
        var applied = await Runtime.ApplyAsync(CtyValue.Null(Runtime.Block.ImpliedType), plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
        Assert.False(applied.Diagnostics.HasErrors, applied.Diagnostics.ToString());
        return applied.State;
    }

    [Fact]
    public async Task Create_and_import_record_the_configured_home()
    {
        await ConfigureAsync(1);
        var state = await CreateAsync("a");
        var imported = await Runtime.ImportAsync(state.GetAttribute("id").AsString(), CancellationToken.None);

        Assert.Equal(Num(1), state.GetAttribute("account_id"));
        Assert.Equal(Num(1), imported.State.GetAttribute("account_id"));
    }

    [Fact]
    public async Task Under_another_home_read_plan_update_and_delete_fail_naming_both_ids_without_calling_the_resource()
    {
        await ConfigureAsync(1);
        var state = await CreateAsync("a");
        _api.Calls.Clear();
        await ConfigureAsync(2);

        var read = await Runtime.ReadAsync(state, [], CancellationToken.None);
        var config = Config("b");
        var plan = await Runtime.PlanAsync(state, Proposed(Runtime.Block, state, config), config, [], CancellationToken.None);
        var update = await Runtime.ApplyAsync(state, Proposed(Runtime.Block, state, config), config, [], CancellationToken.None);
        var delete = await Runtime.ApplyAsync(state, CtyValue.Null(Runtime.Block.ImpliedType), CtyValue.Null(Runtime.Block.ImpliedType), [], CancellationToken.None);

        foreach (var outcome in new[] { read.Diagnostics, plan.Diagnostics, update.Diagnostics, delete.Diagnostics })
        {
            var error = Assert.Single(outcome, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Contains("lives in test account 1", error.Detail);
            Assert.Contains("configured for test account 2", error.Detail);
        }
        Assert.Equal(state, read.State);
        Assert.Equal(state, update.State);
        Assert.Equal(state, delete.State);
        Assert.Empty(_api.Calls);
        Assert.Single(_api.Names);
    }

    [Fact]
    public async Task Only_a_confirmed_gone_removes_from_state_an_unsure_error_keeps_it()
    {
        await ConfigureAsync(1);
        var state = await CreateAsync("a");

        _api.Unsure = true;
        var unsure = await Runtime.ReadAsync(state, [], CancellationToken.None);
        _api.Unsure = false;
        _api.Names.Clear();
        var gone = await Runtime.ReadAsync(state, [], CancellationToken.None);
        var deleted = await Runtime.ApplyAsync(state, CtyValue.Null(Runtime.Block.ImpliedType), CtyValue.Null(Runtime.Block.ImpliedType), [], CancellationToken.None);

        Assert.Equal(state, unsure.State);
        Assert.Contains(unsure.Diagnostics, d => d.Summary == "Not found once");
        Assert.True(gone.State.IsNull);
        Assert.Empty(gone.Diagnostics);
        Assert.True(deleted.State.IsNull);
        Assert.Empty(deleted.Diagnostics);
    }

    [Fact]
    public async Task A_state_without_its_home_gets_it_on_read_and_is_never_dropped_on_a_gone()
    {
        await ConfigureAsync(1);
        var created = await CreateAsync("a");
        var old = Obj(Runtime.Block, ("id", created.GetAttribute("id")), ("name", Str("a")));

        var read = await Runtime.ReadAsync(old, [], CancellationToken.None);
        _api.Names.Clear();
        var gone = await Runtime.ReadAsync(old, [], CancellationToken.None);

        Assert.Equal(Num(1), read.State.GetAttribute("account_id"));
        Assert.Equal(old, gone.State);
        Assert.Contains(gone.Diagnostics, d => d.Summary == "Cannot confirm the object is gone" && d.Detail.Contains("terraform state rm"));
    }

    /// <summary>A resource of a part with a home that forgot to declare the home attribute.</summary>
    private sealed class HomelessGadgetResource : Resource<GadgetModel, GadgetApi>
    {
        public override string TypeName => "test_gadget";

        protected override void DefineSchema(ResourceSchemaBuilder<GadgetModel> s)
        {
            s.String("id", m => ref m.Id).Computed().UseStateForUnknown();
            s.String("name", m => ref m.Name).Required();
        }

        public override Task CreateAsync(CreateContext<GadgetModel, GadgetApi> ctx) => throw new InvalidOperationException("never called");
        public override Task ReadAsync(ReadContext<GadgetModel, GadgetApi> ctx) => throw new InvalidOperationException("never called");
        public override Task UpdateAsync(UpdateContext<GadgetModel, GadgetApi> ctx) => throw new InvalidOperationException("never called");
        public override Task DeleteAsync(DeleteContext<GadgetModel, GadgetApi> ctx) => throw new InvalidOperationException("never called");
    }

    [Fact]
    public async Task A_resource_without_its_parts_home_attribute_fails_when_the_schema_is_built()
    {
        var part = new ProviderPart<GadgetConfig, GadgetApi>
        {
            Name = "test",
            ConfigSchema = s => s.Int64("account", c => ref c.Account).Optional(),
            Configure = (_, _) => Task.FromResult(_api),
            Resources = [new HomelessGadgetResource()],
            Home = new("account_id", "test account", "account (or TEST_ACCOUNT)", api => api.Account),
        };
        var server = new ProviderServer(new ProviderDefinition(part), NullLoggerFactory.Instance,
            new ProviderServerOptions { ExecutableName = "terraform-provider-test", Environment = _ => null });

        var schema = await server.GetProviderSchema(new Tfplugin6.GetProviderSchema.Types.Request(), new TestCallContext());

        var error = Assert.Single(schema.Diagnostics);
        Assert.Equal("Invalid provider schema", error.Summary);
        Assert.Contains("test_gadget must declare the computed number attribute \"account_id\" (the test account it lives in)", error.Detail);
        Assert.Empty(_api.Calls);
    }
}
