using System.Text.Json;

namespace DbtTfProvider.DbtCloud;

/// <summary>Request fields of a job (v2 HumanReadableJobDefinitionRequest) that <see cref="DbtJob"/> does not model.</summary>
public static class JobRequestFields
{
    public const string ForceNodeSelection = "force_node_selection";
    public const string CostOptimizationFeatures = "cost_optimization_features";

    /// <summary>
    /// Writable, so an update sends back what dbt Cloud holds. <c>force_node_selection</c> and
    /// <c>job_completion_trigger_condition</c> are not in the v2 request schema, but dbt Labs' client sends both.
    /// </summary>
    public static readonly HashSet<string> Unmodelled =
    [
        "deferring_job_definition_id", "lifecycle_webhooks", "generate_sources", CostOptimizationFeatures, ForceNodeSelection,
        "job_completion_trigger_condition",
    ];

    /// <summary>[] or ["dbt_state"]: what a CI or merge job may carry in cost_optimization_features (dbt Labs' provider).</summary>
    public static bool IsAllowedOnCiOrMerge(JsonElement features) =>
        features.ValueKind == JsonValueKind.Array
        && (features.GetArrayLength() == 0
            || (features.GetArrayLength() == 1 && features[0].ValueKind == JsonValueKind.String && features[0].GetString() == "dbt_state"));
}
