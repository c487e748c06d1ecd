using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// Away from dbt Labs' provider (README "Migrating from dbt Labs' provider"): states written the way
/// <c>dbt-labs/dbtcloud</c> writes them (schema version 0, their attribute names and shapes) are pushed into a working
/// directory; a <c>moved</c> block takes their <c>dbtcloud_job</c> to <c>dbtcloud_artifacts_job</c>, and
/// naming this provider on their <c>dbtcloud_service_token</c> (or <c>terraform state replace-provider</c>) takes it to this
/// provider, secret included.
/// Neither writes to dbt Cloud, and the plans show only what really differs.
/// </summary>
public sealed class DbtLabsMigrationEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Account = "1";

    /// <summary>The configuration during a migration: their provider under its usual name, this one beside it.</summary>
    private const string BesideProvidersHcl = $$"""
        terraform {
          required_providers {
            dbtcloud = { source = "dbt-labs/dbtcloud" }
            dbttf    = { source = "dbt-tf/dbtcloud" }
          }
        }
        provider "dbtcloud" {}
        provider "dbttf" {}

        """;

    [Fact]
    public async Task A_moved_block_takes_their_job_without_a_write_and_plans_nothing_when_nothing_differs()
    {
        await fixture.ResetAsync();
        var jobId = await CreateJobAsThey(threads: 4);
        var tf = NewRunner("move-job");
        await PushStateAsync(tf, TheirJobState(jobId, threads: 4));
        tf.WriteConfig(BesideProvidersHcl + MovedJobHcl(threads: 4));

        var before = await fixture.RequestCountsAsync();
        var plan = await tf.RunAsync("plan", "-out=move.tfplan");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("dbtcloud_job.artifacts has moved to dbtcloud_artifacts_job.artifacts", plan.Stdout);
        var change = await SingleChangeAsync(tf, "move.tfplan");
        Assert.Equal("dbtcloud_job.artifacts", change.GetProperty("previous_address").GetString());
        Assert.Equal(["no-op"], Actions(change));

        await tf.SucceedAsync("apply", "move.tfplan");
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));

        var values = (await tf.ResourceValuesAsync("dbtcloud_artifacts_job.artifacts"))!.Value;
        Assert.Equal(jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), values.GetProperty("id").GetString());
        Assert.Equal(jobId, values.GetProperty("job_id").GetInt64());
        Assert.Equal(1, values.GetProperty("account_id").GetInt64());
        Assert.EndsWith($"/deploy/1/projects/10/jobs/{jobId}", values.GetProperty("job_url").GetString());
        Assert.Null(await tf.ResourceValuesAsync("dbtcloud_job.artifacts"));
        Assert.DoesNotContain("dbt-labs/dbtcloud", tf.StateFileText);
        await tf.ExpectEmptyPlanAsync();
        var job = (await fixture.JobsAsync()).Single(j => (long)j["id"]! == jobId);
        Assert.Equal("Datafold artifacts", (string)job["name"]!);
    }

    [Fact]
    public async Task A_moved_job_plans_an_in_place_update_of_what_really_differs_never_a_create()
    {
        await fixture.ResetAsync();
        var jobId = await CreateJobAsThey(threads: 4);
        var tf = NewRunner("move-job-diff");
        await PushStateAsync(tf, TheirJobState(jobId, threads: 4));
        tf.WriteConfig(BesideProvidersHcl + MovedJobHcl(threads: 8));

        var plan = await tf.RunAsync("plan", "-out=move.tfplan");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        var change = await SingleChangeAsync(tf, "move.tfplan");
        Assert.Equal(["update"], Actions(change));
        var before = change.GetProperty("change").GetProperty("before");
        var after = change.GetProperty("change").GetProperty("after");
        var differing = before.EnumerateObject().Where(p => !JsonElement.DeepEquals(p.Value, after.GetProperty(p.Name))).Select(p => p.Name).ToArray();
        Assert.Equal(["num_threads"], differing);
        Assert.Contains("1 to change, 0 to destroy", plan.Stdout);
        Assert.DoesNotContain("to add", plan.Stdout.Replace("0 to add", ""));

        await tf.SucceedAsync("apply", "move.tfplan");
        var job = Assert.Single(await fixture.JobsAsync(), j => (string?)j["name"] == "Datafold artifacts");
        Assert.Equal(jobId, (long)job["id"]!);
        Assert.Equal(8, (int)job["settings"]!["threads"]!);
        await tf.ExpectEmptyPlanAsync();
    }

    [Fact]
    public async Task A_moved_CI_job_is_refused_and_the_state_is_left_as_it_was()
    {
        await fixture.ResetAsync();
        var jobId = await CreateJobAsThey(threads: 4);
        var tf = NewRunner("move-ci-job");
        var state = TheirJobState(jobId, threads: 4);
        var attributes = state["resources"]![0]!["instances"]![0]!["attributes"]!;
        attributes["triggers"]!["git_provider_webhook"] = true;
        attributes["job_type"] = "ci";
        await PushStateAsync(tf, state);
        tf.WriteConfig(BesideProvidersHcl + MovedJobHcl(threads: 4));

        var plan = await tf.RunAsync("plan");
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("Cannot move this job", plan.Output);
        Assert.Contains($"dbt Cloud job {jobId} is a CI job", plan.Output.Replace("\n", " ").Replace("│", "").Replace("  ", " "));
        Assert.Contains("dbt-labs/dbtcloud", tf.StateFileText);
    }

    [Fact]
    public async Task A_moved_block_takes_their_CI_job_to_dbtcloud_ci_job_without_a_write_and_plans_no_create()
    {
        await fixture.ResetAsync();
        var created = await fixture.DbtCloudAsync(HttpMethod.Post, $"/v2/accounts/{Account}/jobs/", CiJobAsThey());
        var jobId = created!["id"]!.GetValue<long>();
        var tf = NewRunner("move-ci-job-to-ci");
        var state = TheirJobState(jobId, threads: 4);
        var attributes = state["resources"]![0]!["instances"]![0]!["attributes"]!;
        attributes["name"] = "Pull request CI";
        attributes["execute_steps"] = new JsonArray("dbt build --select state:modified+");
        attributes["triggers"] = new JsonObject { ["github_webhook"] = true, ["git_provider_webhook"] = true, ["schedule"] = false, ["on_merge"] = false };
        attributes["deferring_environment_id"] = 100;
        attributes["job_type"] = "ci";
        await PushStateAsync(tf, state);
        tf.WriteConfig(BesideProvidersHcl + """
            moved {
              from = dbtcloud_job.artifacts
              to   = dbtcloud_ci_job.pr
            }

            resource "dbtcloud_ci_job" "pr" {
              provider                 = dbttf
              project_id               = 10
              environment_id           = 100
              deferring_environment_id = 100
              num_threads              = 4
              target_name              = "prod"
            }
            """);

        var before = await fixture.RequestCountsAsync();
        var plan = await tf.RunAsync("plan", "-out=move.tfplan");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("dbtcloud_job.artifacts has moved to dbtcloud_ci_job.pr", plan.Stdout);
        var change = await SingleChangeAsync(tf, "move.tfplan");
        Assert.Equal(["no-op"], Actions(change));
        await tf.SucceedAsync("apply", "move.tfplan");
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
        var values = (await tf.ResourceValuesAsync("dbtcloud_ci_job.pr"))!.Value;
        Assert.Equal(jobId, values.GetProperty("job_id").GetInt64());
        Assert.True(values.GetProperty("run_on_pull_requests").GetBoolean());
        Assert.Equal(100, values.GetProperty("deferring_environment_id").GetInt64());
        await tf.ExpectEmptyPlanAsync();
    }

    /// <summary>A CI job as their provider creates it (their CI example: both pull-request triggers, deferral to production).</summary>
    private static JsonObject CiJobAsThey() => new()
    {
        ["id"] = null, ["account_id"] = 1, ["project_id"] = 10, ["environment_id"] = 100,
        ["name"] = "Pull request CI", ["description"] = "", ["execute_steps"] = new JsonArray("dbt build --select state:modified+"),
        ["dbt_version"] = null, ["state"] = 1, ["deferring_environment_id"] = 100,
        ["settings"] = new JsonObject { ["threads"] = 4, ["target_name"] = "prod" },
        ["execution"] = new JsonObject { ["timeout_seconds"] = 0 },
        ["triggers"] = new JsonObject { ["github_webhook"] = true, ["git_provider_webhook"] = true, ["schedule"] = false, ["on_merge"] = false },
        ["schedule"] = new JsonObject
        {
            ["date"] = new JsonObject { ["type"] = "custom_cron", ["cron"] = "0 * * * *" },
            ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
        },
        ["job_type"] = "ci",
    };

    [Fact]
    public async Task Replace_provider_takes_their_token_with_its_secret_and_plans_nothing()
    {
        await fixture.ResetAsync();
        var (tokenId, uid, secret) = await CreateTokenAsThey("Datafold CI");
        var tf = NewRunner("replace-provider-token");
        await PushStateAsync(tf, TheirTokenState(tokenId, uid, secret, "Datafold CI"));
        // After the switch the configuration names only this provider, under the usual local name.
        tf.WriteConfig($$"""
            terraform {
              required_providers {
                dbtcloud = { source = "dbt-tf/dbtcloud" }
              }
            }
            provider "dbtcloud" {}

            resource "dbtcloud_service_token" "datafold" {
              name = "Datafold CI"
              service_token_permissions {
                permission_set                  = "member"
                all_projects                    = true
                writable_environment_categories = ["all"]
              }
              lifecycle {
                create_before_destroy = true
              }
            }
            """);

        var before = await fixture.RequestCountsAsync();
        await tf.SucceedAsync("state", "replace-provider", "-auto-approve", DbtLabsStandIn.Address, ProviderFixture.DbtCloudAddress);
        Assert.DoesNotContain("dbt-labs/dbtcloud", tf.StateFileText);

        await tf.ExpectEmptyPlanAsync();
        await tf.SucceedAsync("apply", "-auto-approve");
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));

        var values = (await tf.ResourceValuesAsync("dbtcloud_service_token.datafold"))!.Value;
        Assert.Equal(secret, values.GetProperty("token_string").GetString());
        Assert.Equal(tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture), values.GetProperty("id").GetString());
        Assert.Equal(1, values.GetProperty("account_id").GetInt64());
        Assert.False(values.TryGetProperty("state", out _), "their `state` attribute is not part of this provider's schema");
        Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1 && (string?)t["name"] == "Datafold CI");
    }

    [Fact]
    public async Task Naming_this_provider_on_their_token_takes_it_over_with_its_secret()
    {
        await fixture.ResetAsync();
        var (tokenId, uid, secret) = await CreateTokenAsThey("Datafold CI");
        var tf = NewRunner("provider-argument-token");
        await PushStateAsync(tf, TheirTokenState(tokenId, uid, secret, "Datafold CI"));
        tf.WriteConfig(BesideProvidersHcl + """
            resource "dbtcloud_service_token" "datafold" {
              provider = dbttf
              name     = "Datafold CI"
              service_token_permissions {
                permission_set                  = "member"
                all_projects                    = true
                writable_environment_categories = ["all"]
              }
            }
            """);

        var before = await fixture.RequestCountsAsync();
        var plan = await tf.RunAsync("plan", "-detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        await tf.SucceedAsync("apply", "-auto-approve");
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
        Assert.DoesNotContain("dbt-labs/dbtcloud", tf.StateFileText);
        var values = (await tf.ResourceValuesAsync("dbtcloud_service_token.datafold"))!.Value;
        Assert.Equal(secret, values.GetProperty("token_string").GetString());
        Assert.Equal(1, values.GetProperty("account_id").GetInt64());
        await tf.ExpectEmptyPlanAsync();
    }

    // ---- as dbt Labs' provider leaves things ----

    private TerraformRunner NewRunner(string name) => new(fixture.NewWorkingDirectory(name), fixture.Environment);

    private static string MovedJobHcl(int threads) => $$"""
        moved {
          from = dbtcloud_job.artifacts
          to   = dbtcloud_artifacts_job.artifacts
        }

        resource "dbtcloud_artifacts_job" "artifacts" {
          provider       = dbttf
          project_id     = 10
          environment_id = 100
          name           = "Datafold artifacts"
          execute_steps  = ["dbt compile"]
          schedule_cron  = "0 * * * *"
          num_threads    = {{threads}}
          target_name    = "prod"
        }
        """;

    /// <summary>The job as their provider creates it: a scheduled job with a custom cron, through the v2 API.</summary>
    private async Task<long> CreateJobAsThey(int threads)
    {
        var job = await fixture.DbtCloudAsync(HttpMethod.Post, $"/v2/accounts/{Account}/jobs/", new JsonObject
        {
            ["id"] = null, ["account_id"] = 1, ["project_id"] = 10, ["environment_id"] = 100,
            ["name"] = "Datafold artifacts", ["description"] = "", ["execute_steps"] = new JsonArray("dbt compile"),
            ["dbt_version"] = null, ["generate_docs"] = false, ["run_generate_sources"] = false, ["state"] = 1,
            ["settings"] = new JsonObject { ["threads"] = threads, ["target_name"] = "prod" },
            ["execution"] = new JsonObject { ["timeout_seconds"] = 0 },
            ["triggers"] = new JsonObject { ["github_webhook"] = false, ["git_provider_webhook"] = false, ["schedule"] = true, ["on_merge"] = false },
            ["schedule"] = new JsonObject
            {
                ["cron"] = "0 * * * *",
                ["date"] = new JsonObject { ["type"] = "custom_cron", ["cron"] = "0 * * * *" },
                ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
            },
            ["job_type"] = "scheduled",
        });
        return job!["id"]!.GetValue<long>();
    }

    /// <summary>
    /// Their <c>dbtcloud_job</c> state (terraform-plugin-framework, schema version 0): a numeric <c>id</c>, the
    /// <c>triggers</c> and <c>execution</c> nested attributes, the <c>schedule_type</c> family, and the settings this
    /// provider does not manage.
    /// </summary>
    private static JsonObject TheirJobState(long jobId, int threads) => State("dbtcloud_job", "artifacts", new JsonObject
    {
        ["id"] = jobId, ["job_id"] = jobId, ["project_id"] = 10, ["environment_id"] = 100,
        ["name"] = "Datafold artifacts", ["description"] = "", ["execute_steps"] = new JsonArray("dbt compile"),
        ["dbt_version"] = null, ["is_active"] = true,
        ["triggers"] = new JsonObject { ["github_webhook"] = false, ["git_provider_webhook"] = false, ["schedule"] = true, ["on_merge"] = false },
        ["execution"] = new JsonObject { ["timeout_seconds"] = 0 }, ["timeout_seconds"] = 0,
        ["num_threads"] = threads, ["target_name"] = "prod", ["generate_docs"] = false, ["run_generate_sources"] = false,
        ["run_lint"] = false, ["errors_on_lint_failure"] = true,
        ["schedule_type"] = "custom_cron", ["schedule_interval"] = 1, ["schedule_hours"] = null, ["schedule_days"] = null,
        ["schedule_cron"] = "0 * * * *",
        ["run_compare_changes"] = false, ["compare_changes_flags"] = "--select state:modified", ["force_node_selection"] = null,
        ["cost_optimization_features"] = new JsonArray(), ["validate_execute_steps"] = false,
        ["deferring_job_id"] = null, ["deferring_environment_id"] = null, ["self_deferring"] = false, ["triggers_on_draft_pr"] = false,
        ["job_type"] = "scheduled", ["job_completion_trigger_condition"] = new JsonArray(),
    });

    /// <summary>A token as their provider creates it: member on all projects, with their default write access ["all"].</summary>
    private async Task<(long Id, string Uid, string Secret)> CreateTokenAsThey(string name)
    {
        var token = await fixture.DbtCloudAsync(HttpMethod.Post, $"/v3/accounts/{Account}/service-tokens/",
            new JsonObject { ["account_id"] = 1, ["name"] = name, ["state"] = 1 });
        var id = token!["id"]!.GetValue<long>();
        await fixture.DbtCloudAsync(HttpMethod.Post, $"/v3/accounts/{Account}/service-tokens/{id}/permissions/", new JsonArray(new JsonObject
        {
            ["account_id"] = 1, ["service_token_id"] = id, ["permission_set"] = "member", ["all_projects"] = true,
            ["writable_environment_categories"] = new JsonArray("all"),
        }));
        return (id, (string)token["uid"]!, (string)token["token_string"]!);
    }

    /// <summary>Their <c>dbtcloud_service_token</c> state: a string id, their <c>state</c> attribute, the secret.</summary>
    private static JsonObject TheirTokenState(long id, string uid, string secret, string name) => State("dbtcloud_service_token", "datafold", new JsonObject
    {
        ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["uid"] = uid, ["name"] = name,
        ["token_string"] = secret, ["state"] = 1,
        ["service_token_permissions"] = new JsonArray(new JsonObject
        {
            ["permission_set"] = "member", ["all_projects"] = true, ["project_id"] = null,
            ["writable_environment_categories"] = new JsonArray("all"),
        }),
    }, sensitive: """[[{"type":"get_attr","value":"token_string"}]]""");

    /// <summary>A version 4 state file with one instance, provider dbt-labs/dbtcloud, schema version 0.</summary>
    private static JsonObject State(string type, string name, JsonObject attributes, string sensitive = "[]") => new()
    {
        ["version"] = 4, ["terraform_version"] = "1.11.0", ["serial"] = 1, ["lineage"] = Guid.NewGuid().ToString(), ["outputs"] = new JsonObject(),
        ["resources"] = new JsonArray(new JsonObject
        {
            ["mode"] = "managed", ["type"] = type, ["name"] = name, ["provider"] = $"provider[\"{DbtLabsStandIn.Address}\"]",
            ["instances"] = new JsonArray(new JsonObject
            {
                ["schema_version"] = 0, ["attributes"] = attributes, ["sensitive_attributes"] = JsonNode.Parse(sensitive),
            }),
        }),
        ["check_results"] = null,
    };

    private static async Task PushStateAsync(TerraformRunner tf, JsonObject state)
    {
        var file = Path.Combine(tf.WorkingDirectory, "pushed.tfstate");
        await File.WriteAllTextAsync(file, state.ToJsonString());
        await tf.SucceedAsync("state", "push", file);
    }

    private static async Task<JsonElement> SingleChangeAsync(TerraformRunner tf, string planFile)
    {
        var shown = await tf.SucceedAsync("show", "-json", planFile);
        using var doc = JsonDocument.Parse(shown.Stdout);
        return Assert.Single(doc.RootElement.GetProperty("resource_changes").EnumerateArray()).Clone();
    }

    private static string[] Actions(JsonElement change) =>
        change.GetProperty("change").GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray();
}
