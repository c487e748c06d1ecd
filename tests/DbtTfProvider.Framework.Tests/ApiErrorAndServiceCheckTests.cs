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
/// One path from an API error to diagnostics (every rejected field at its attribute; of two attributes sent as one
/// field, the configured one), and plan-time service checks (on create and on change of their attributes only).
/// </summary>
public sealed class ApiErrorAndServiceCheckTests
{
    public sealed class PipeModel
    {
        public TfString Id;
        public TfString Name;
        public TfInt64 Size;
        public TfString Token;
        public TfString TokenWo;
        public TfInt64 Project;
        public TfInt64 Env;
    }

    public sealed class PipeApi
    {
        /// <summary>Fields (API path, reason) the next create or update is rejected at.</summary>
        public List<(string Field, string Reason)> Reject = [];
        public readonly Dictionary<long, long[]> EnvironmentsByProject = new() { [1] = [10, 11], [2] = [20] };
        public readonly List<string> Calls = [];
        public bool CheckFails;
    }

    private sealed class Rejected(IReadOnlyList<(string Field, string Reason)> fields) : Exception("rejected")
    {
        public IReadOnlyList<(string Field, string Reason)> Fields { get; } = fields;
    }

    private sealed class Outage() : Exception("503 Service Unavailable after every retry");

    private sealed class PipeResource : Resource<PipeModel, PipeApi>
    {
        public override string TypeName => "test_pipe";

        protected override void DefineSchema(ResourceSchemaBuilder<PipeModel> s)
        {
            s.String("id", m => ref m.Id).Computed().UseStateForUnknown();
            s.String("name", m => ref m.Name).Required().ApiName("title");
            s.Int64("size", m => ref m.Size).Optional().ApiName("dims.size");
            s.String("token", m => ref m.Token).Optional().Sensitive().ApiName("auth.key");
            s.String("token_wo", m => ref m.TokenWo).Optional().Sensitive().WriteOnly().ApiName("auth.key");
            s.Int64("project", m => ref m.Project).Optional();
            s.Int64("env", m => ref m.Env).Optional();
        }

        public override IReadOnlyList<ServiceCheck<PipeModel, PipeApi>> ServiceChecks { get; } = [new(["project", "env"], CheckEnvironment)];

        private static Task CheckEnvironment(ServiceCheckContext<PipeModel, PipeApi> ctx)
        {
            ctx.Client.Calls.Add("check");
            if (ctx.Client.CheckFails) throw new Outage();
            var project = ctx.Plan.Project.Value;
            if (!ctx.Client.EnvironmentsByProject.GetValueOrDefault(project, []).Contains(ctx.Plan.Env.Value))
                ctx.Fail("env", "Environment not in the project", $"env {ctx.Plan.Env.Value} is not an environment of project {project}");
            return Task.CompletedTask;
        }

        public override Task CreateAsync(CreateContext<PipeModel, PipeApi> ctx)
        {
            ctx.Client.Calls.Add("create");
            if (ctx.Client.Reject.Count > 0) throw new Rejected(ctx.Client.Reject);
            ctx.Plan.Id = "p1";
            ctx.State = ctx.Plan;
            return Task.CompletedTask;
        }

        public override Task ReadAsync(ReadContext<PipeModel, PipeApi> ctx)
        {
            ctx.Client.Calls.Add("read");
            return Task.CompletedTask;
        }

        public override Task UpdateAsync(UpdateContext<PipeModel, PipeApi> ctx)
        {
            ctx.Client.Calls.Add("update");
            if (ctx.Client.Reject.Count > 0) throw new Rejected(ctx.Client.Reject);
            return Task.CompletedTask;
        }

        public override Task DeleteAsync(DeleteContext<PipeModel, PipeApi> ctx) => Task.CompletedTask;
    }

    private readonly PipeApi _api = new();
    private readonly ProviderServer _server;

    public ApiErrorAndServiceCheckTests()
    {
        _server = ConfiguredProvider.Serve(_api, new PipeResource(), e => e switch
        {
            Rejected r => new ApiErrorDescription("Pipes rejected the request", "all of it",
                [.. r.Fields.Select(f => new ApiFieldProblem(f.Field, $"{f.Reason} (sent as {f.Field})"))], FieldSummary: what => $"Pipes rejected {what}"),
            Outage o => new ApiErrorDescription("Pipes server error", o.Message),
            _ => null,
        });
    }

    private IResourceRuntime Runtime => _server.Runtime.FindResource("test_pipe")!;
    private CtyValue NullState => CtyValue.Null(Runtime.Block.ImpliedType);

    private CtyValue Config(string name = "a", long project = 1, long env = 10, string? token = null, string? tokenWo = null) => Obj(Runtime.Block,
        ("name", Str(name)), ("project", Num(project)), ("env", Num(env)),
        ("token", CtyValue.StringOrNull(token)), ("token_wo", CtyValue.StringOrNull(tokenWo)));

    private Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue config) =>
        Runtime.PlanAsync(prior, Proposed(Runtime.Block, prior, config), config, [], CancellationToken.None);

    private async Task<StateOutcome> ApplyNewAsync(CtyValue config)
    {
        var plan = await PlanAsync(NullState, config);
        Assert.False(plan.Diagnostics.HasErrors, plan.Diagnostics.ToString());
        return await Runtime.ApplyAsync(NullState, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);
    }

    [Fact]
    public async Task A_service_error_naming_two_fields_gives_two_diagnostics_at_their_attributes_and_an_unclaimed_field_one_naming_it()
    {
        _api.Reject = [("title", "is taken"), ("dims.size", "must be even"), ("colour", "is unknown")];

        var applied = await ApplyNewAsync(Config(token: "t"));

        Assert.Equal(3, applied.Diagnostics.Count);
        Assert.All(applied.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        var name = Assert.Single(applied.Diagnostics, d => Equals(d.Path, CtyPath.Attribute("name")));
        Assert.Equal("Pipes rejected name", name.Summary);
        Assert.Equal("is taken (sent as title)", name.Detail);
        var size = Assert.Single(applied.Diagnostics, d => Equals(d.Path, CtyPath.Attribute("size")));
        Assert.Equal("Pipes rejected size", size.Summary);
        Assert.Equal("must be even (sent as dims.size)", size.Detail);
        var unclaimed = Assert.Single(applied.Diagnostics, d => d.Path is null);
        Assert.Equal("Pipes rejected the field colour", unclaimed.Summary);
        Assert.Contains("colour", unclaimed.Detail);
        Assert.True(applied.State.IsNull);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("token_wo")]
    public async Task Of_two_attributes_sent_as_one_field_the_configured_one_gets_the_diagnostic(string configured)
    {
        _api.Reject = [("auth.key", "is not a valid key")];

        var applied = await ApplyNewAsync(configured == "token" ? Config(token: "t") : Config(tokenWo: "t"));

        var error = Assert.Single(applied.Diagnostics);
        Assert.Equal(CtyPath.Attribute(configured), error.Path);
        Assert.Equal($"Pipes rejected {configured}", error.Summary);
    }

    [Fact]
    public async Task The_configured_twin_gets_the_diagnostic_on_update_too()
    {
        var created = await ApplyNewAsync(Config(token: "t"));
        _api.Reject = [("auth.key", "expired")];
        var config = Config(name: "b", tokenWo: "t2");
        var plan = await PlanAsync(created.State, config);

        var applied = await Runtime.ApplyAsync(created.State, plan.PlannedState, config, plan.PlannedPrivate, CancellationToken.None);

        Assert.Equal(CtyPath.Attribute("token_wo"), Assert.Single(applied.Diagnostics).Path);
    }

    [Fact]
    public async Task A_service_check_failing_at_create_is_a_plan_error_at_its_attribute_and_nothing_is_written()
    {
        var plan = await PlanAsync(NullState, Config(project: 1, env: 20));

        var error = Assert.Single(plan.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(CtyPath.Attribute("env"), error.Path);
        Assert.Equal("env 20 is not an environment of project 1", error.Detail);
        Assert.Equal(["check"], _api.Calls);
    }

    [Fact]
    public async Task A_service_check_runs_on_create_and_on_a_change_of_its_attributes_never_on_a_no_op_or_other_change()
    {
        var created = await ApplyNewAsync(Config());
        Assert.Equal(["check", "create"], _api.Calls);
        _api.Calls.Clear();

        var noOp = await PlanAsync(created.State, Config());
        var otherChange = await PlanAsync(created.State, Config(name: "renamed"));
        Assert.Empty(noOp.Diagnostics);
        Assert.Empty(otherChange.Diagnostics);
        Assert.Empty(_api.Calls);

        var envChange = await PlanAsync(created.State, Config(env: 11));
        Assert.Empty(envChange.Diagnostics);
        var wrongProject = await PlanAsync(created.State, Config(project: 2));
        Assert.Equal(CtyPath.Attribute("env"), Assert.Single(wrongProject.Diagnostics).Path);
        Assert.Equal(["check", "check"], _api.Calls);
    }

    [Fact]
    public async Task A_service_check_waits_for_unknown_values()
    {
        var config = Obj(Runtime.Block, ("name", Str("a")), ("project", Num(1)), ("env", CtyValue.Unknown(CtyType.Number)));

        var plan = await PlanAsync(NullState, config);

        Assert.Empty(plan.Diagnostics);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task A_service_check_that_cannot_reach_the_service_warns_and_lets_the_plan_through()
    {
        _api.CheckFails = true;

        var plan = await PlanAsync(NullState, Config(env: 20));

        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(CtyPath.Attribute("project"), warning.Path);
        Assert.Equal("Could not check project and env", warning.Summary);
        Assert.Contains("503 Service Unavailable", warning.Detail);
        Assert.False(plan.PlannedState.IsNull);
    }
}
