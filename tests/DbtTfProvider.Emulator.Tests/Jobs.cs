using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

/// <summary>Request bodies shaped as the spec shows them.</summary>
public static class Jobs
{
    public static JsonObject Artifacts(int project = 10, int environment = 100, string name = "Datafold artifacts", int account = 1) => new()
    {
        ["id"] = null,
        ["account_id"] = account,
        ["project_id"] = project,
        ["environment_id"] = environment,
        ["name"] = name,
        ["description"] = "",
        ["execute_steps"] = new JsonArray("dbt compile"),
        ["dbt_version"] = null,
        ["settings"] = new JsonObject { ["threads"] = 4, ["target_name"] = "default" },
        ["execution"] = new JsonObject { ["timeout_seconds"] = 0 },
        ["state"] = 1,
        ["generate_docs"] = false,
        ["run_generate_sources"] = false,
        ["triggers"] = new JsonObject { ["github_webhook"] = false, ["git_provider_webhook"] = false, ["schedule"] = true, ["on_merge"] = false },
        ["schedule"] = new JsonObject
        {
            ["cron"] = "0 * * * *",
            ["date"] = new JsonObject { ["type"] = "custom_cron", ["cron"] = "0 * * * *" },
            ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
        },
        ["deferring_environment_id"] = null,
        ["job_type"] = "scheduled",
        ["triggers_on_draft_pr"] = false,
        ["run_lint"] = false,
        ["errors_on_lint_failure"] = true,
        ["run_compare_changes"] = false,
        ["compare_changes_flags"] = "--select state:modified",
    };
}
