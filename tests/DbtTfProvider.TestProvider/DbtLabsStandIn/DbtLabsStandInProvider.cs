using Grpc.Core;
using Tfplugin6;
using static DbtTfProvider.TestProvider.DbtLabsStandIn.WireSchema;

namespace DbtTfProvider.TestProvider.DbtLabsStandIn;

/// <summary>
/// A passive stand-in for dbt Labs' provider (<c>registry.terraform.io/dbt-labs/dbtcloud</c>), whose binary cannot be
/// installed where the tests run: it serves their schema (version 0) for the types the tests and the beside-dbt-Labs
/// example use, validates nothing, echoes state on upgrade, refresh and plan, and refuses to apply or import. Terraform
/// needs it wherever a configuration or a state names their provider. The schema is written from their published
/// attributes (names, types, optional/computed), not from their code.
/// </summary>
public sealed class DbtLabsStandInProvider : Tfplugin6.Provider.ProviderBase
{
    public const string Address = "registry.terraform.io/dbt-labs/dbtcloud";

    /// <summary>Set to "1" by the wrapper that Terraform launches as <c>terraform-provider-dbtcloud</c>.</summary>
    public const string SelectorVariable = "DBTTF_TEST_DBT_LABS_STAND_IN";

    private static readonly ServerCapabilities Capabilities = new() { PlanDestroy = true };

    private static readonly Dictionary<string, Schema> Resources = new()
    {
        ["dbtcloud_job"] = Resource(
        [
            Attr("id", "number", computed: true),
            Attr("job_id", "number", computed: true),
            Attr("project_id", "number", required: true),
            Attr("environment_id", "number", required: true),
            Attr("name", "string", required: true),
            Attr("description", "string", optional: true, computed: true),
            Attr("execute_steps", """["list","string"]""", required: true),
            Attr("dbt_version", "string", optional: true),
            Attr("is_active", "bool", optional: true, computed: true),
            Nested("triggers", required: true,
            [
                Attr("github_webhook", "bool", optional: true, computed: true),
                Attr("git_provider_webhook", "bool", optional: true, computed: true),
                Attr("schedule", "bool", optional: true, computed: true),
                Attr("on_merge", "bool", optional: true, computed: true),
            ]),
            Nested("execution", required: false, [Attr("timeout_seconds", "number", optional: true, computed: true)]),
            Attr("timeout_seconds", "number", optional: true, computed: true),
            Attr("num_threads", "number", optional: true, computed: true),
            Attr("target_name", "string", optional: true, computed: true),
            Attr("generate_docs", "bool", optional: true, computed: true),
            Attr("run_generate_sources", "bool", optional: true, computed: true),
            Attr("run_lint", "bool", optional: true, computed: true),
            Attr("errors_on_lint_failure", "bool", optional: true, computed: true),
            Attr("schedule_type", "string", optional: true, computed: true),
            Attr("schedule_interval", "number", optional: true, computed: true),
            Attr("schedule_hours", """["list","number"]""", optional: true),
            Attr("schedule_days", """["list","number"]""", optional: true),
            Attr("schedule_cron", "string", optional: true),
            Attr("run_compare_changes", "bool", optional: true, computed: true),
            Attr("compare_changes_flags", "string", optional: true, computed: true),
            Attr("force_node_selection", "bool", optional: true, computed: true),
            Attr("cost_optimization_features", """["set","string"]""", optional: true, computed: true),
            Attr("validate_execute_steps", "bool", optional: true, computed: true),
            Attr("deferring_job_id", "number", optional: true),
            Attr("deferring_environment_id", "number", optional: true),
            Attr("self_deferring", "bool", optional: true, computed: true),
            Attr("triggers_on_draft_pr", "bool", optional: true, computed: true),
            Attr("job_type", "string", optional: true, computed: true),
        ],
        [
            Block("job_completion_trigger_condition", Schema.Types.NestedBlock.Types.NestingMode.List,
            [
                Attr("job_id", "number", required: true),
                Attr("project_id", "number", required: true),
                Attr("statuses", """["set","string"]""", required: true),
            ]),
        ]),
        ["dbtcloud_service_token"] = Resource(
        [
            Attr("id", "string", computed: true),
            Attr("uid", "string", computed: true),
            Attr("name", "string", required: true),
            Attr("token_string", "string", computed: true, sensitive: true),
            Attr("state", "number", optional: true, computed: true),
        ],
        [
            Block("service_token_permissions", Schema.Types.NestedBlock.Types.NestingMode.Set,
            [
                Attr("permission_set", "string", required: true),
                Attr("all_projects", "bool", required: true),
                Attr("project_id", "number", optional: true),
                Attr("writable_environment_categories", """["set","string"]""", optional: true, computed: true),
            ]),
        ]),
        ["dbtcloud_environment"] = Resource(
        [
            Attr("id", "string", computed: true),
            Attr("environment_id", "number", computed: true),
            Attr("project_id", "number", required: true),
            Attr("name", "string", required: true),
            Attr("type", "string", required: true),
            Attr("deployment_type", "string", optional: true),
            Attr("dbt_version", "string", optional: true, computed: true),
            Attr("is_active", "bool", optional: true, computed: true),
            Attr("credential_id", "number", optional: true, computed: true),
            Attr("connection_id", "number", optional: true, computed: true),
            Attr("use_custom_branch", "bool", optional: true, computed: true),
            Attr("custom_branch", "string", optional: true),
            Attr("extended_attributes_id", "number", optional: true, computed: true),
            Attr("enable_model_query_history", "bool", optional: true, computed: true),
            Attr("primary_profile_id", "number", optional: true, computed: true),
        ], []),
    };

    private static readonly Schema ProviderConfig = Resource(
    [
        Attr("token", "string", optional: true, sensitive: true),
        Attr("account_id", "number", optional: true),
        Attr("host_url", "string", optional: true),
        Attr("retry_interval_seconds", "number", optional: true),
        Attr("max_retries", "number", optional: true),
        Attr("disable_retry", "bool", optional: true),
        Attr("skip_credentials_validation", "bool", optional: true),
        Attr("retriable_status_codes", """["list","string"]""", optional: true),
        Attr("timeout_seconds", "number", optional: true),
    ], []);

    public override Task<GetMetadata.Types.Response> GetMetadata(GetMetadata.Types.Request request, ServerCallContext context)
    {
        var response = new GetMetadata.Types.Response { ServerCapabilities = Capabilities };
        response.Resources.AddRange(Resources.Keys.Select(t => new GetMetadata.Types.ResourceMetadata { TypeName = t }));
        return Task.FromResult(response);
    }

    public override Task<GetProviderSchema.Types.Response> GetProviderSchema(GetProviderSchema.Types.Request request, ServerCallContext context)
    {
        var response = new GetProviderSchema.Types.Response { Provider = ProviderConfig, ServerCapabilities = Capabilities };
        foreach (var (name, schema) in Resources) response.ResourceSchemas.Add(name, schema);
        return Task.FromResult(response);
    }

    public override Task<ValidateProviderConfig.Types.Response> ValidateProviderConfig(ValidateProviderConfig.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ValidateProviderConfig.Types.Response());

    public override Task<ValidateResourceConfig.Types.Response> ValidateResourceConfig(ValidateResourceConfig.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ValidateResourceConfig.Types.Response());

    public override Task<ConfigureProvider.Types.Response> ConfigureProvider(ConfigureProvider.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ConfigureProvider.Types.Response());

    /// <summary>Their schema version is 0 and so is every state the tests write: the raw JSON is the state.</summary>
    public override Task<UpgradeResourceState.Types.Response> UpgradeResourceState(UpgradeResourceState.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new UpgradeResourceState.Types.Response { UpgradedState = new DynamicValue { Json = request.RawState.Json } });

    public override Task<ReadResource.Types.Response> ReadResource(ReadResource.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ReadResource.Types.Response { NewState = request.CurrentState, Private = request.Private });

    public override Task<PlanResourceChange.Types.Response> PlanResourceChange(PlanResourceChange.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new PlanResourceChange.Types.Response { PlannedState = request.ProposedNewState, PlannedPrivate = request.PriorPrivate });

    public override Task<ApplyResourceChange.Types.Response> ApplyResourceChange(ApplyResourceChange.Types.Request request, ServerCallContext context)
    {
        var response = new ApplyResourceChange.Types.Response { NewState = request.PriorState };
        response.Diagnostics.Add(Refused("apply"));
        return Task.FromResult(response);
    }

    public override Task<ImportResourceState.Types.Response> ImportResourceState(ImportResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new ImportResourceState.Types.Response();
        response.Diagnostics.Add(Refused("import"));
        return Task.FromResult(response);
    }

    public override Task<StopProvider.Types.Response> StopProvider(StopProvider.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new StopProvider.Types.Response());

    private static Diagnostic Refused(string what) => new()
    {
        Severity = Diagnostic.Types.Severity.Error,
        Summary = "Test stand-in",
        Detail = $"This is the test suite's passive stand-in for {Address}: it serves that provider's schema only, and does not {what}.",
    };
}
