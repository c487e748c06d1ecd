using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// <c>datafold_dbt_integration</c> and the whole Datafold setup (examples/quickstart) with the real terraform, the AOT
/// provider under both addresses, and the emulator: what a user sees in plan and apply output, what ends up in dbt
/// Cloud and Datafold, and what the state file holds.
/// </summary>
public sealed class DatafoldIntegrationEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Integration = "datafold_dbt_integration.ci";

    [Fact]
    public async Task Quickstart_sets_up_token_job_and_integration_in_one_apply_and_then_plans_no_change()
    {
        await fixture.ResetAsync();
        var tf = Quickstart("quickstart");

        // Issue 19: the quickstart also makes the Pull Request job, so four objects (it made three before).
        var applied = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("4 added, 0 changed, 0 destroyed", applied.Output);

        var token = Assert.Single(await ActiveAsync(fixture.ServiceTokensAsync()));
        Assert.Equal("Datafold CI", (string?)token["name"]);
        var grant = Assert.Single(token["grants"]!.AsArray())!;
        Assert.Equal("member", (string?)grant["permission_set"]);
        Assert.True((bool?)grant["all_projects"]);

        var jobs = await ActiveAsync(fixture.JobsAsync());
        var pullRequests = Assert.Single(jobs, j => (string?)j["job_type"] == "ci");
        Assert.True((bool?)pullRequests["triggers"]!["git_provider_webhook"]);
        Assert.Equal(100, (int?)pullRequests["deferring_environment_id"]);
        var job = Assert.Single(jobs, j => (string?)j["job_type"] != "ci");
        Assert.Equal(["dbt compile"], job["execute_steps"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("0 * * * *", (string?)job["schedule"]!["date"]!["cron"]);
        Assert.Equal("every_hour", (string?)job["schedule"]!["time"]!["type"]);
        Assert.True((bool?)job["triggers"]!["schedule"]);
        Assert.Equal(10, (int?)job["project_id"]);
        Assert.Equal(100, (int?)job["environment_id"]);

        var ci = Assert.Single(await fixture.CiConfigsAsync());
        Assert.Equal((string?)token["token_string"], (string?)ci["dbt_cloud"]!["api_key"]);
        Assert.Equal((int?)job["id"], (int?)ci["dbt_cloud"]!["artifacts_job_id"]);
        Assert.Equal((int?)pullRequests["id"], (int?)ci["dbt_cloud"]!["ci_job_id"]);
        Assert.Equal(1, (int?)ci["dbt_cloud"]!["account_id"]);
        Assert.Equal(3, (int?)ci["repo_id"]);
        Assert.Equal(7, (int?)ci["data_source_id"]);
        Assert.Equal("dbt Cloud CI", (string?)ci["name"]);
        // One setting drove both hosts: the provider reached the emulator, and Datafold was given the same host.
        Assert.Equal(fixture.EmulatorUrl, (string?)ci["dbt_cloud"]!["host_url"]);
        Assert.Contains($"datafold_ci_config_id = \"{(int?)ci["id"]}\"", applied.Output);

        // The second plan is empty; its refresh reads the integration once and writes nothing.
        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(0);
        var after = await fixture.RequestCountsAsync();
        Assert.Equal(1, ProviderFixture.Delta(before, after, k => k == "GET /api/v1/ci/{id}/"));
        Assert.Equal(0, ProviderFixture.Delta(before, after, ProviderFixture.IsWrite));
    }

    [Fact]
    public async Task Out_of_band_edits_and_deletes_are_repaired_and_a_token_rotation_updates_the_integration_in_the_same_apply()
    {
        await fixture.ResetAsync();
        var tf = Quickstart("drift-rotation");
        (await tf.ApplyAsync()).Succeeded();
        var token = Assert.Single(await ActiveAsync(fixture.ServiceTokensAsync()));
        var jobId = (int)Assert.Single(await ActiveAsync(fixture.JobsAsync()), j => (string?)j["job_type"] != "ci")["id"]!;
        var ciId = (int)Assert.Single(await fixture.CiConfigsAsync())["id"]!;

        // Someone edits the integration in Datafold's UI: the plan names each changed attribute, apply restores it.
        await fixture.PatchAsync($"datafold/ci/{ciId}", new JsonObject
        {
            ["dbt_cloud"] = new JsonObject { ["artifacts_job_id"] = 424242 },
            ["slim_diff"] = true,
            ["files_to_ignore"] = new JsonArray("docs/**"),
        });
        var drift = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Integration} will be updated in-place", drift.Output);
        Assert.Matches(new Regex($@"~ artifacts_job_id\s+= 424242 -> {jobId}\b"), drift.Output);
        Assert.Matches(new Regex(@"~ slim_diff\s+= true -> false"), drift.Output);
        Assert.Matches(new Regex(@"~ files_to_ignore\s+= \[\s+- ""docs/\*\*"","), drift.Output);
        Assert.Contains("Plan: 0 to add, 1 to change, 0 to destroy.", drift.Output);

        (await tf.ApplyAsync()).Succeeded();
        var restored = Assert.Single(await fixture.CiConfigsAsync());
        Assert.Equal(ciId, (int)restored["id"]!);
        Assert.Equal(jobId, (int)restored["dbt_cloud"]!["artifacts_job_id"]!);
        Assert.False((bool)restored["slim_diff"]!);
        Assert.Empty(restored["files_to_ignore"]!.AsArray());
        // The update left the key out, so Datafold kept it.
        Assert.Equal((string?)token["token_string"], (string?)restored["dbt_cloud"]!["api_key"]);

        // Deleted in Datafold: the next apply creates it again, with the token.
        await fixture.DeleteAsync($"datafold/ci/{ciId}");
        var recreated = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains($"{Integration} will be created", recreated.Output);
        Assert.Contains("1 added, 0 changed, 0 destroyed", recreated.Output);
        var again = Assert.Single(await fixture.CiConfigsAsync());
        Assert.NotEqual(ciId, (int)again["id"]!);
        Assert.Equal((string?)token["token_string"], (string?)again["dbt_cloud"]!["api_key"]);

        // Rotation: a new token replaces the old one, the integration gets it in place, and the old one is deleted.
        WriteQuickstartVariables(tf, "token_rotation = \"2\"");
        var rotated = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains($"{Integration} will be updated in-place", rotated.Output);
        Assert.Contains("1 added, 1 changed, 1 destroyed", rotated.Output);
        var tokens = await fixture.ServiceTokensAsync();
        var newToken = Assert.Single(tokens, t => (int?)t["state"] == 1);
        Assert.NotEqual((int)token["id"]!, (int)newToken["id"]!);
        Assert.Equal(2, (int?)tokens.Single(t => (int?)t["id"] == (int)token["id"]!)["state"]);
        var ci = Assert.Single(await fixture.CiConfigsAsync());
        Assert.Equal((int)again["id"]!, (int)ci["id"]!);
        Assert.Equal((string?)newToken["token_string"], (string?)ci["dbt_cloud"]!["api_key"]);
        (await tf.PlanAsync()).Expect(0);
    }

    [Fact]
    public async Task Write_only_token_never_reaches_the_state_file_and_is_sent_again_when_its_version_changes()
    {
        await fixture.ResetAsync();
        var first = await NewServiceTokenAsync("Datafold first");
        var second = await NewServiceTokenAsync("Datafold second");
        var tf = TerraformCli.InNewDirectory(fixture, "write-only").WriteConfig("""
            variable "dbt_token" {
              type      = string
              sensitive = true
              ephemeral = true
            }

            variable "token_version" {
              type = number
            }

            resource "dbtcloud_artifacts_job" "datafold" {
              project_id     = 10
              environment_id = 100
            }

            resource "datafold_dbt_integration" "ci" {
              name                           = "write-only"
              repository_id                  = 3
              data_source_id                 = 7
              dbt_cloud_account_id           = 1
              dbt_cloud_api_token_wo         = var.dbt_token
              dbt_cloud_api_token_wo_version = var.token_version
              artifacts_job_id               = dbtcloud_artifacts_job.datafold.job_id
            }
            """);
        var stateFile = Path.Combine(tf.WorkingDirectory, "terraform.tfstate");

        UseToken(tf, first, version: 1);
        (await tf.ApplyAsync()).Succeeded();
        Assert.Equal(first, (string?)Assert.Single(await fixture.CiConfigsAsync())["dbt_cloud"]!["api_key"]);
        var state = await File.ReadAllTextAsync(stateFile);
        Assert.DoesNotContain(first, state);
        Assert.Matches(new Regex(@"""dbt_cloud_api_token_wo"": null"), state);
        Assert.Matches(new Regex(@"""dbt_cloud_api_token"": null"), state);

        // Terraform cannot see a new write-only value by itself: without a new version nothing is planned or sent.
        UseToken(tf, second, version: 1);
        (await tf.PlanAsync()).Expect(0);
        Assert.Equal(first, (string?)Assert.Single(await fixture.CiConfigsAsync())["dbt_cloud"]!["api_key"]);

        UseToken(tf, second, version: 2);
        var sent = (await tf.ApplyAsync()).Succeeded();
        Assert.Matches(new Regex(@"~ dbt_cloud_api_token_wo_version\s+= 1 -> 2"), sent.Output);
        Assert.Contains("0 added, 1 changed, 0 destroyed", sent.Output);
        Assert.Equal(second, (string?)Assert.Single(await fixture.CiConfigsAsync())["dbt_cloud"]!["api_key"]);
        state = await File.ReadAllTextAsync(stateFile);
        Assert.DoesNotContain(first, state);
        Assert.DoesNotContain(second, state);
        (await tf.PlanAsync()).Expect(0);
    }

    [Fact]
    public async Task Bad_configuration_fails_validate_naming_the_attributes()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "validate").WriteConfig(DatafoldSetup.Token() + $$"""
            resource "datafold_dbt_integration" "bad_strategy" {
              {{Required("bad_strategy")}}
              dbt_cloud_api_token  = "dbtc_x"
              base_commit_strategy = "sometimes"
            }

            resource "datafold_dbt_integration" "both" {
              {{Required("both")}}
              dbt_cloud_api_token    = "dbtc_x"
              dbt_cloud_api_token_wo = "dbtc_y"
            }

            resource "datafold_dbt_integration" "both_one_unknown" {
              {{Required("both_one_unknown")}}
              dbt_cloud_api_token    = dbtcloud_service_token.datafold.token_string
              dbt_cloud_api_token_wo = "dbtc_y"
            }

            resource "datafold_dbt_integration" "neither" {
              {{Required("neither")}}
            }

            # Unknown until the token exists: must not count as "none set".
            resource "datafold_dbt_integration" "unknown_token" {
              {{Required("unknown_token")}}
              dbt_cloud_api_token = dbtcloud_service_token.datafold.token_string
            }
            """);

        var result = (await tf.ValidateAsync()).Expect(1);
        var errors = Diagnostics(result.Output);

        var strategy = Assert.Single(errors, e => e.Contains("datafold_dbt_integration.bad_strategy"));
        Assert.Contains("base_commit_strategy must be one of \"merge_base\", \"latest\"; got \"sometimes\"", strategy);
        Assert.Matches(new Regex(@"\d+:\s+base_commit_strategy\s+="), strategy);

        foreach (var name in new[] { "both", "both_one_unknown" })
        {
            var both = errors.Where(e => e.Contains($"datafold_dbt_integration.{name},")).ToList();
            Assert.Equal(2, both.Count);
            Assert.All(both, e => Assert.Contains("dbt_cloud_api_token and dbt_cloud_api_token_wo are", e));
            Assert.Contains(both, e => Regex.IsMatch(e, @"\d+:\s+dbt_cloud_api_token\s+="));
            Assert.Contains(both, e => Regex.IsMatch(e, @"\d+:\s+dbt_cloud_api_token_wo\s+="));
        }

        var neither = Assert.Single(errors, e => e.Contains("datafold_dbt_integration.neither"));
        Assert.Contains("Missing dbt Cloud API token", neither);
        Assert.Contains("The key is never readable after it was created", neither);
        Assert.Contains("use the write-only dbt_cloud_api_token_wo", neither);

        Assert.DoesNotContain(errors, e => e.Contains("datafold_dbt_integration.unknown_token"));
        Assert.Equal(0, ProviderFixture.Delta(new Dictionary<string, int>(), await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
    }

    [Fact]
    public async Task A_job_of_another_account_is_refused_by_Datafold_on_artifacts_job_id()
    {
        await fixture.ResetAsync();
        var otherJob = await fixture.DbtCloudAsync(HttpMethod.Post, "/v2/accounts/2/jobs/", new JsonObject
        {
            ["account_id"] = 2,
            ["project_id"] = 20,
            ["environment_id"] = 200,
            ["name"] = "Other account's job",
            ["execute_steps"] = new JsonArray("dbt compile"),
            ["settings"] = new JsonObject { ["threads"] = 1, ["target_name"] = "default" },
            ["triggers"] = new JsonObject { ["schedule"] = false },
            ["schedule"] = new JsonObject
            {
                ["date"] = new JsonObject { ["type"] = "every_day" },
                ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
            },
        });
        var otherJobId = (int)otherJob!["id"]!;

        var tf = TerraformCli.InNewDirectory(fixture, "other-account-job")
            .WriteConfig(DatafoldSetup.Token() + DatafoldSetup.Integration(artifactsJob: otherJobId.ToString()));

        var result = (await tf.ApplyAsync()).Expect(1);
        var error = Assert.Single(Diagnostics(result.Output), e => e.Contains($"with {Integration}"));
        Assert.Contains("Datafold rejected artifacts_job_id", error);
        Assert.Contains($"Job {otherJobId} is not an active job of dbt Cloud account 1", error);
        Assert.Matches(new Regex(@"\d+:\s+artifacts_job_id\s+="), error);
        Assert.Empty(await fixture.CiConfigsAsync());
    }

    // ---- helpers ----

    /// <summary>examples/quickstart as a user copies it, with a terraform.tfvars for the emulator's seed.</summary>
    private TerraformCli Quickstart(string name)
    {
        var tf = TerraformCli.InNewDirectory(fixture, name);
        var source = Path.Combine(RepositoryPaths.Root, "examples", "quickstart");
        foreach (var file in Directory.GetFiles(source, "*.tf"))
            File.Copy(file, Path.Combine(tf.WorkingDirectory, Path.GetFileName(file)));
        WriteQuickstartVariables(tf);
        // The quickstart sets the provider's host from its region variable (the emulator stands in for a custom
        // host), not from DBT_CLOUD_HOST_URL.
        tf.Runner.Environment["TF_VAR_dbt_cloud_host"] = fixture.EmulatorUrl;
        tf.Runner.Environment["DBT_CLOUD_HOST_URL"] = null;
        return tf;
    }

    private static void WriteQuickstartVariables(TerraformCli tf, string extra = "") =>
        File.WriteAllText(Path.Combine(tf.WorkingDirectory, "terraform.tfvars"), $"""
            dbt_cloud_account_id      = 1
            dbt_cloud_project_name    = "Analytics"
            datafold_repository_id    = 3
            datafold_data_source_name = "Snowflake production"
            dbt_cloud_ci_environment_name = "Production"
            {extra}
            """);

    private static void UseToken(TerraformCli tf, string token, int version)
    {
        tf.Runner.Environment["TF_VAR_dbt_token"] = token;
        tf.Runner.Environment["TF_VAR_token_version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The required attributes of an integration (name unique per configuration); the artifacts job is a seed-free id.</summary>
    private static string Required(string name) => $"""
        name = "{name}"
          repository_id        = 3
          data_source_id       = 7
          dbt_cloud_account_id = 1
          artifacts_job_id     = 1
        """;

    /// <summary>A service token made in dbt Cloud's UI: member on all projects; returns its secret.</summary>
    private async Task<string> NewServiceTokenAsync(string name)
    {
        var token = await fixture.DbtCloudAsync(HttpMethod.Post, "/v3/accounts/1/service-tokens/",
            new JsonObject { ["account_id"] = 1, ["name"] = name, ["state"] = 1 });
        var id = (int)token!["id"]!;
        await fixture.DbtCloudAsync(HttpMethod.Post, $"/v3/accounts/1/service-tokens/{id}/permissions/", new JsonArray(new JsonObject
        {
            ["account_id"] = 1,
            ["service_token_id"] = id,
            ["permission_set"] = "member",
            ["all_projects"] = true,
            ["writable_environment_categories"] = new JsonArray(),
        }));
        return (string)token["token_string"]!;
    }

    private static async Task<List<JsonObject>> ActiveAsync(Task<List<JsonObject>> objects) =>
        (await objects).Where(o => (int?)o["state"] == 1).ToList();

    /// <summary>
    /// Terraform's error blocks ("Error: …" up to the next one), each with its "with ADDRESS" and source lines, on one
    /// line: the box drawing and the wrapping of long messages are taken out.
    /// </summary>
    private static List<string> Diagnostics(string output) =>
        Regex.Split(output, @"(?=^│? ?Error: )", RegexOptions.Multiline)
            .Where(b => Regex.IsMatch(b, @"^│? ?Error: "))
            .Select(b => Regex.Replace(b, @"[│╷╵\s]+", " "))
            .ToList();

}
