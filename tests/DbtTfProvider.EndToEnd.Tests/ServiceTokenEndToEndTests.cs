using System.Text.Json;
using System.Text.Json.Nodes;
using static DbtTfProvider.EndToEnd.Tests.ProviderFixture;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// <c>dbtcloud_service_token</c> with the real terraform and the AOT provider against the emulator: what a user sees
/// in validate, plan and apply output, what Terraform keeps in state, and what ends up in dbt Cloud.
/// </summary>
public sealed class ServiceTokenEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Address = "dbtcloud_service_token.t";
    private const string TokenPath = "/api/v3/accounts/{account_id}/service-tokens/{id}/";
    private const string GrantsPath = "/api/v3/accounts/{account_id}/service-tokens/{id}/permissions/";

    private const string MemberOnAllProjects = """
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
        """;

    private const string DeveloperOnProject10 = """
          service_token_permissions {
            permission_set                  = "developer"
            all_projects                    = false
            project_id                      = 10
            writable_environment_categories = ["development", "staging"]
          }
        """;

    private const string JobAdminOnProject11 = """
          service_token_permissions {
            permission_set                  = "job_admin"
            all_projects                    = false
            project_id                      = 11
            writable_environment_categories = []
          }
        """;

    private static string Token(string name, params string[] body) => $$"""
        resource "dbtcloud_service_token" "t" {
          name = "{{name}}"
        {{string.Join("\n", body)}}
        }

        """;

    [Fact]
    public async Task Create_rename_in_place_replace_drift_recreate_and_destroy()
    {
        var tf = TerraformCli.InNewDirectory(fixture, "token-lifecycle");

        // Create: the token, then its three grants, in the config's exact form (explicit empty categories included).
        tf.WriteConfig(Token("st-life", MemberOnAllProjects, DeveloperOnProject10, JobAdminOnProject11));
        Assert.Contains("1 added, 0 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);
        var token = Assert.Single(await ActiveTokensAsync("st-life"));
        var id = Id(token);
        Assert.Equal(
            ["developer/10/development,staging", "job_admin/11/", "member/all/"],
            Grants(token));
        var created = await StateValuesAsync(tf);
        Assert.Equal(id.ToString(), created.GetProperty("id").GetString());
        Assert.Equal((string?)token["uid"], created.GetProperty("uid").GetString());
        var secret = created.GetProperty("token_string").GetString();
        Assert.False(string.IsNullOrEmpty(secret));
        Assert.Equal((string?)token["token_string"], secret);
        Assert.Contains("token_string", tf.Runner.StateFileText.Split("sensitive_attributes")[1]);

        // The second plan is empty: what dbt Cloud answers reads back exactly as configured.
        (await tf.PlanAsync()).Expect(0);

        // Rename: in place (PUT), same id, same secret.
        tf.WriteConfig(Token("st-life-renamed", MemberOnAllProjects, DeveloperOnProject10, JobAdminOnProject11));
        var renamePlan = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Address} will be updated in-place", renamePlan.Output);
        Assert.Matches(@"~ name\s+= ""st-life"" -> ""st-life-renamed""", renamePlan.Output);
        Assert.DoesNotContain("must be replaced", renamePlan.Output);
        var before = await fixture.RequestCountsAsync();
        Assert.Contains("0 added, 1 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);
        Assert.Equal(1, Delta(before, await fixture.RequestCountsAsync(), k => k == "PUT " + TokenPath));
        var renamed = await StateValuesAsync(tf);
        Assert.Equal(id.ToString(), renamed.GetProperty("id").GetString());
        Assert.Equal(secret, renamed.GetProperty("token_string").GetString());
        token = Assert.Single(await ActiveTokensAsync("st-life"));
        Assert.Equal(id, Id(token));
        Assert.Equal("st-life-renamed", (string?)token["name"]);
        (await tf.PlanAsync()).Expect(0);

        // A change of permissions replaces the token: dbt Cloud assigns grants only once.
        tf.WriteConfig(Token("st-life-renamed", MemberOnAllProjects, DeveloperOnProject10));
        var replacePlan = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Address} must be replaced", replacePlan.Output);
        Assert.Contains("# forces replacement", replacePlan.Output);
        Assert.Contains("1 to add, 0 to change, 1 to destroy", replacePlan.Output);
        (await tf.ApplyAsync()).Succeeded();
        token = Assert.Single(await ActiveTokensAsync("st-life"));
        var replacementId = Id(token);
        Assert.NotEqual(id, replacementId);
        Assert.Equal(["developer/10/development,staging", "member/all/"], Grants(token));
        Assert.Equal(2, (int?)(await TokenAsync(id))["state"]);
        var replaced = await StateValuesAsync(tf);
        Assert.NotEqual(secret, replaced.GetProperty("token_string").GetString());
        Assert.Equal((string?)token["token_string"], replaced.GetProperty("token_string").GetString());
        (await tf.PlanAsync()).Expect(0);

        // Drift: a rename in dbt Cloud's UI shows in the plan, with the attribute, and apply restores the name.
        await fixture.PatchAsync($"dbtcloud/service-tokens/{replacementId}", new JsonObject { ["name"] = "renamed-in-the-ui" });
        var driftPlan = (await tf.PlanAsync()).Expect(2);
        Assert.Matches(@"~ name\s+= ""renamed-in-the-ui"" -> ""st-life-renamed""", driftPlan.Output);
        Assert.Contains($"{Address} will be updated in-place", driftPlan.Output);
        (await tf.ApplyAsync()).Succeeded();
        Assert.Equal("st-life-renamed", (string?)(await TokenAsync(replacementId))["name"]);
        (await tf.PlanAsync()).Expect(0);

        // Deleted in dbt Cloud (soft delete, state 2): the plan re-creates it.
        await fixture.DeleteAsync($"dbtcloud/service-tokens/{replacementId}");
        var recreatePlan = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Address} will be created", recreatePlan.Output);
        Assert.Contains("1 to add, 0 to change, 0 to destroy", recreatePlan.Output);
        (await tf.ApplyAsync()).Succeeded();
        token = Assert.Single(await ActiveTokensAsync("st-life"));
        Assert.NotEqual(replacementId, Id(token));
        (await tf.PlanAsync()).Expect(0);

        // Destroy leaves no active token.
        Assert.Contains("1 destroyed", (await tf.DestroyAsync()).Succeeded().Output);
        Assert.Empty(await ActiveTokensAsync("st-life"));
    }

    [Fact]
    public async Task Refresh_of_an_unchanged_token_reads_it_and_its_grants_once()
    {
        var tf = TerraformCli.InNewDirectory(fixture, "token-refresh");
        tf.WriteConfig(Token("st-refresh", MemberOnAllProjects, DeveloperOnProject10));
        (await tf.ApplyAsync()).Succeeded();

        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(0);
        var after = await fixture.RequestCountsAsync();

        Assert.Equal(1, Delta(before, after, k => k == "GET " + TokenPath));
        Assert.Equal(1, Delta(before, after, k => k == "GET " + GrantsPath));
        Assert.Equal(2, Delta(before, after, k => k.Contains("/service-tokens/")));
        Assert.Equal(0, Delta(before, after, IsWrite));

        // rotation_triggers on a token that had none is adopted in place: setting it up rotates nothing.
        tf.WriteConfig(Token("st-refresh", MemberOnAllProjects, DeveloperOnProject10, """
              rotation_triggers = { rotated = "2026-q3" }
            """));
        var adopted = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Address} will be updated in-place", adopted.Output);
        Assert.DoesNotContain("forces replacement", adopted.Output);
        before = await fixture.RequestCountsAsync();
        Assert.Contains("0 added, 1 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), IsWrite));
        (await tf.PlanAsync()).Expect(0);

        // From then on, any change rotates the token (replacement), e.g. fed by a time_rotating resource.
        tf.WriteConfig(Token("st-refresh", MemberOnAllProjects, DeveloperOnProject10, """
              rotation_triggers = { rotated = "2026-q4" }
            """));
        var rotation = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Address} must be replaced", rotation.Output);
        Assert.Matches(@"~ rotation_triggers\s+= \{ # forces replacement", rotation.Output);

        (await tf.DestroyAsync()).Succeeded();
    }

    [Fact]
    public async Task More_than_a_page_of_grants_reads_back_unchanged_with_one_more_page_request()
    {
        // 31 permission sets on all projects, project 10 and project 11, plus the write-capable sets with one
        // environment category each: 153 grants, two pages of dbt Cloud's at most 100.
        var tf = TerraformCli.InNewDirectory(fixture, "token-many-grants");
        tf.WriteConfig("""
            locals {
              sets   = ["owner", "member", "account_admin", "security_admin", "billing_admin", "admin", "database_admin", "git_admin",
                        "team_admin", "job_admin", "job_runner", "job_viewer", "job_creator", "analyst", "analyst_read", "developer",
                        "stakeholder", "readonly", "project_creator", "account_viewer", "metadata_only", "semantic_layer_only",
                        "webhooks_only", "scim_only", "fusion_admin", "cost_management_viewer", "cost_management_admin",
                        "cost_insights_viewer", "cost_insights_admin", "manage_marketplace_apps", "notification_manager"]
              scopes = [0, 10, 11]
              grants = concat(
                [for p in setproduct(local.sets, local.scopes) : { set = p[0], project = p[1], categories = null }],
                [for p in setproduct(["analyst", "database_admin", "developer", "git_admin", "team_admin"], local.scopes, ["development", "staging", "production", "other"]) :
                  { set = p[0], project = p[1], categories = [p[2]] }],
              )
            }

            resource "dbtcloud_service_token" "t" {
              name = "st-many-grants"
              dynamic "service_token_permissions" {
                for_each = local.grants
                content {
                  permission_set                  = service_token_permissions.value.set
                  all_projects                    = service_token_permissions.value.project == 0
                  project_id                      = service_token_permissions.value.project == 0 ? null : service_token_permissions.value.project
                  writable_environment_categories = service_token_permissions.value.categories
                }
              }
            }
            """);
        (await tf.ApplyAsync()).Succeeded();
        var token = Assert.Single(await ActiveTokensAsync("st-many-grants"));
        Assert.Equal(153, Grants(token).Count);

        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(0);
        var after = await fixture.RequestCountsAsync();
        Assert.Equal(1, Delta(before, after, k => k == "GET " + TokenPath));
        Assert.Equal(2, Delta(before, after, k => k == "GET " + GrantsPath));

        (await tf.DestroyAsync()).Succeeded();
    }

    [Fact]
    public async Task Import_block_and_generated_config_plan_empty()
    {
        var data = await fixture.DbtCloudAsync(HttpMethod.Post, "/v3/accounts/1/service-tokens/",
            new JsonObject { ["account_id"] = 1, ["name"] = "st-imported", ["state"] = 1 });
        var id = data!["id"]!.GetValue<long>();
        await fixture.DbtCloudAsync(HttpMethod.Post, $"/v3/accounts/1/service-tokens/{id}/permissions/", new JsonArray(
            new JsonObject { ["account_id"] = 1, ["service_token_id"] = id, ["permission_set"] = "member", ["all_projects"] = true },
            new JsonObject
            {
                ["account_id"] = 1, ["service_token_id"] = id, ["permission_set"] = "analyst", ["all_projects"] = false, ["project_id"] = 11,
                ["writable_environment_categories"] = new JsonArray("development"),
            }));

        var tf = TerraformCli.InNewDirectory(fixture, "token-import");
        tf.WriteConfig($$"""
            import {
              to = {{Address}}
              id = "{{id}}"
            }

            """);
        var generatedPlan = (await tf.RunAsync("plan", "-generate-config-out=generated.tf")).Succeeded();
        Assert.Contains($"{Address} will be imported", generatedPlan.Output);
        var generated = File.ReadAllText(Path.Combine(tf.WorkingDirectory, "generated.tf"));
        Assert.Matches(@"name\s+= ""st-imported""", generated);
        Assert.Matches(@"permission_set\s+= ""analyst""", generated);
        Assert.Matches(@"project_id\s+= 11", generated);

        Assert.Contains("1 imported, 0 added, 0 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);
        (await tf.PlanAsync()).Expect(0);
        var imported = await StateValuesAsync(tf);
        Assert.Equal(id.ToString(), imported.GetProperty("id").GetString());
        // The secret is shown only at create: an imported token has none in state (the attribute's docs say so).
        Assert.Equal(JsonValueKind.Null, imported.GetProperty("token_string").ValueKind);
        Assert.Equal(["analyst/11/development", "member/all/"], Grants(await TokenAsync(id)));
    }

    [Fact]
    public async Task Bad_input_fails_at_validate_and_plan_naming_the_attribute_without_any_API_write()
    {
        var before = await fixture.RequestCountsAsync();

        var cases = new (string Name, string Body, string[] Expected)[]
        {
            ("unknown-set", """
                  service_token_permissions {
                    permission_set = "superuser"
                    all_projects   = true
                  }
                """, ["permission_set must be one of", "\"member\"", "got \"superuser\"", "permission_set = \"superuser\""]),
            ("typo", """
                  service_token_permissions {
                    permission_set = "memeber"
                    all_projects   = true
                  }
                """, ["got \"memeber\". Did you mean \"member\"?", "permission_set = \"memeber\""]),
            ("case", """
                  service_token_permissions {
                    permission_set = "Member"
                    all_projects   = true
                  }
                """, ["got \"Member\". Did you mean \"member\"?", "permission_set = \"Member\""]),
            ("project-with-all", """
                  service_token_permissions {
                    permission_set = "member"
                    all_projects   = true
                    project_id     = 10
                  }
                """, ["project_id (10) cannot be set when all_projects is true"]),
            ("no-project", """
                  service_token_permissions {
                    permission_set = "member"
                    all_projects   = false
                  }
                """, ["project_id is required when all_projects is false"]),
            ("bad-category", """
                  service_token_permissions {
                    permission_set                  = "developer"
                    all_projects                    = true
                    writable_environment_categories = ["prod"]
                  }
                """, ["writable_environment_categories must be one of", "got \"prod\"", "writable_environment_categories = [\"prod\"]"]),
        };
        // Each value check names its attribute, and Terraform quotes the line that sets it (the source line, not the
        // resource's first line: a grant written as one block is addressed by attribute).
        foreach (var (name, body, expected) in cases)
        {
            var tf = TerraformCli.InNewDirectory(fixture, "token-bad-" + name);
            tf.WriteConfig(Token("st-bad-" + name, body));
            foreach (var result in new[] { await tf.ValidateAsync(), await tf.PlanAsync(), await tf.ApplyAsync() })
            {
                result.Expect(1);
                foreach (var text in expected) Assert.Contains(text, Unwrapped(result.Output));
                Assert.Contains("with dbtcloud_service_token.t", result.Output);
            }
        }

        // A non-numeric import id is refused before any call about the token.
        var import = TerraformCli.InNewDirectory(fixture, "token-bad-import");
        import.WriteConfig(Token("st-bad-import", MemberOnAllProjects) + $$"""
            import {
              to = {{Address}}
              id = "st-bad-import"
            }
            """);
        var refused = (await import.PlanAsync()).Expect(1);
        Assert.Contains("Invalid import id", refused.Output);
        Assert.Contains("numeric id", Unwrapped(refused.Output));

        var after = await fixture.RequestCountsAsync();
        Assert.Equal(0, Delta(before, after, IsWrite));
        Assert.Equal(0, Delta(before, after, k => k.Contains("/service-tokens/")));
        Assert.Empty(await ActiveTokensAsync("st-bad"));
    }

    [Fact]
    public async Task A_token_whose_grants_fail_is_kept_tainted_and_replaced_by_the_next_apply()
    {
        var tf = TerraformCli.InNewDirectory(fixture, "token-grants-fail");
        tf.WriteConfig(Token("st-tainted", MemberOnAllProjects));
        // Every second POST under service-tokens/ is the grant assignment that follows a create: refuse the first one.
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "POST", ["path_prefix"] = "/api/v3/accounts/1/service-tokens/", ["kind"] = "status", ["status"] = 400,
            ["count"] = 1, ["every"] = 2,
        });
        try
        {
            var failed = (await tf.ApplyAsync()).Expect(1);
            Assert.Contains("Service token created, but its permissions were not assigned", failed.Output);
            Assert.Contains("with dbtcloud_service_token.t", failed.Output);
        }
        finally
        {
            await fixture.ClearFaultsAsync();
        }

        var orphan = Assert.Single(await ActiveTokensAsync("st-tainted"));
        Assert.Empty(Grants(orphan));
        using (var state = JsonDocument.Parse(tf.Runner.StateFileText))
        {
            var instance = state.RootElement.GetProperty("resources")[0].GetProperty("instances")[0];
            Assert.Equal("tainted", instance.GetProperty("status").GetString());
            Assert.Equal(Id(orphan).ToString(), instance.GetProperty("attributes").GetProperty("id").GetString());
        }

        var plan = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Address} is tainted, so must be replaced", plan.Output);
        (await tf.ApplyAsync()).Succeeded();
        var token = Assert.Single(await ActiveTokensAsync("st-tainted"));
        Assert.NotEqual(Id(orphan), Id(token));
        Assert.Equal(["member/all/"], Grants(token));
        (await tf.PlanAsync()).Expect(0);
        (await tf.DestroyAsync()).Succeeded();
        Assert.Empty(await ActiveTokensAsync("st-tainted"));
    }

    [Fact]
    public async Task Twenty_tokens_apply_through_rate_limits_server_errors_and_a_lost_create_answer()
    {
        var tf = TerraformCli.InNewDirectory(fixture, "token-faults");
        tf.WriteConfig("""
            resource "dbtcloud_service_token" "many" {
              count = 20
              name  = "st-fault-${count.index}"
              service_token_permissions {
                permission_set = "member"
                all_projects   = true
              }
            }
            """);
        JsonObject Fault(string? method, string kind, int status, int count, int every, int? retryAfter = null) => new()
        {
            ["method"] = method, ["path_prefix"] = "/api/v3/accounts/1/service-tokens/", ["kind"] = kind, ["status"] = status,
            ["retry_after_seconds"] = retryAfter, ["count"] = count, ["every"] = every,
        };
        // The first POST under service-tokens/ is a token create (grants follow a create): it is processed, but its
        // answer is lost (a 500), and with it the secret. The client must not keep that token, nor create a second one.
        await fixture.AddFaultAsync(Fault("POST", "commit_then_fail", 500, count: 1, every: 1));
        await fixture.AddFaultAsync(Fault(null, "status", 429, count: 4, every: 5, retryAfter: 1));
        await fixture.AddFaultAsync(Fault(null, "status", 503, count: 6, every: 4));
        TerraformResult applied;
        try
        {
            applied = await tf.ApplyAsync();
            Assert.All(await fixture.FaultsAsync(), rule => Assert.Equal((int?)rule["count"], (int?)rule["hits"]));
        }
        finally
        {
            await fixture.ClearFaultsAsync();
        }
        applied.Succeeded();
        Assert.Contains("20 added, 0 changed, 0 destroyed", applied.Output);

        var tokens = await ActiveTokensAsync("st-fault-");
        Assert.Equal(20, tokens.Count);
        // The token of the lost answer was deleted: 21 made, 20 active.
        var all = (await fixture.ServiceTokensAsync()).Where(t => ((string?)t["name"] ?? "").StartsWith("st-fault-", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, all.Count);
        Assert.Equal(2, (int?)Assert.Single(all, t => (int?)t["state"] != 1)["state"]);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"st-fault-{i}").Order(), tokens.Select(t => (string)t["name"]!).Order());
        Assert.All(tokens, t => Assert.Equal(["member/all/"], Grants(t)));

        // Every secret in state is the one of the active token with that id: none belongs to a discarded orphan.
        using var show = await tf.Runner.ShowStateAsync();
        var inState = show.RootElement.GetProperty("values").GetProperty("root_module").GetProperty("resources").EnumerateArray()
            .ToDictionary(r => long.Parse(r.GetProperty("values").GetProperty("id").GetString()!), r => r.GetProperty("values").GetProperty("token_string").GetString());
        Assert.Equal(tokens.Select(Id).Order(), inState.Keys.Order());
        Assert.All(tokens, t => Assert.Equal((string?)t["token_string"], inState[Id(t)]));

        (await tf.PlanAsync()).Expect(0);
        (await tf.DestroyAsync()).Succeeded();
        Assert.Empty(await ActiveTokensAsync("st-fault-"));
    }

    [Fact]
    public async Task Grants_read_back_with_no_diff_for_each_form_of_writable_environment_categories_and_a_null_answer()
    {
        var tf = TerraformCli.InNewDirectory(fixture, "token-categories");
        tf.WriteConfig(Token("st-categories", """
              service_token_permissions {
                permission_set = "developer"
                all_projects   = false
                project_id     = 10
              }
              service_token_permissions {
                permission_set                  = "developer"
                all_projects                    = false
                project_id                      = 11
                writable_environment_categories = []
              }
              service_token_permissions {
                permission_set                  = "developer"
                all_projects                    = true
                writable_environment_categories = ["all"]
              }
            """));

        // Applied through an emulator that refuses a null project_id and an undocumented limit on the grant list.
        (await tf.ApplyAsync()).Succeeded();
        var token = Assert.Single(await ActiveTokensAsync("st-categories"));
        Assert.Equal(["developer/10/", "developer/11/", "developer/all/all"], Grants(token));
        (await tf.PlanAsync()).Expect(0);

        // The requests name this provider and the Terraform that runs it (ConfigureProvider's terraform_version).
        var version = (await tf.RunAsync("version", "-json")).Succeeded().Stdout;
        var terraformVersion = JsonNode.Parse(version)!["terraform_version"]!.GetValue<string>();
        var agents = ((await fixture.StateAsync())["user_agents"]!.AsArray()).Select(a => (string)a!).ToList();
        Assert.Contains(agents, a => System.Text.RegularExpressions.Regex.IsMatch(a, $@"^dbt-tf-provider/\d+\.\d+\.\d+ terraform/{System.Text.RegularExpressions.Regex.Escape(terraformVersion)}$"));
        Assert.DoesNotContain(agents, a => a.Contains("terraform-provider-dbtcloud"));

        var values = await StateValuesAsync(tf);
        var byProject = values.GetProperty("service_token_permissions").EnumerateArray()
            .ToDictionary(p => p.GetProperty("project_id").ValueKind == JsonValueKind.Null ? "all" : p.GetProperty("project_id").GetRawText(),
                p => p.GetProperty("writable_environment_categories"));
        Assert.Equal(JsonValueKind.Null, byProject["10"].ValueKind);
        Assert.Equal(0, byProject["11"].GetArrayLength());
        Assert.Equal(["all"], byProject["all"].EnumerateArray().Select(c => c.GetString()));

        // A null where the spec has a list does not break the read, and means the same as empty.
        var grants = token["grants"]!.AsArray().Select(g => g!.DeepClone().AsObject()).ToList();
        foreach (var grant in grants.Where(g => (bool?)g["all_projects"] == false))
            grant["writable_environment_categories"] = null;
        await fixture.PatchAsync($"dbtcloud/service-tokens/{Id(token)}", new JsonObject { ["grants"] = new JsonArray([.. grants]) });
        (await tf.PlanAsync()).Expect(0);

        (await tf.DestroyAsync()).Succeeded();
    }

    private async Task<List<JsonObject>> ActiveTokensAsync(string namePrefix) =>
        (await fixture.ServiceTokensAsync()).Where(t => (int?)t["state"] == 1 && ((string?)t["name"] ?? "").StartsWith(namePrefix, StringComparison.Ordinal)).ToList();

    private async Task<JsonObject> TokenAsync(long id) => (await fixture.ServiceTokensAsync()).Single(t => Id(t) == id);

    private static long Id(JsonObject token) => token["id"]!.GetValue<long>();

    /// <summary>The token's active grants as "set/project-or-all/categories", sorted.</summary>
    private static List<string> Grants(JsonObject token) =>
        (token["grants"]?.AsArray() ?? [])
            .Select(g => g!.AsObject())
            .Where(g => (int?)g["state"] is null or 1)
            .Select(g => $"{(string?)g["permission_set"]}/{((bool?)g["all_projects"] == true ? "all" : g["project_id"]?.ToString())}/" +
                         string.Join(',', (g["writable_environment_categories"]?.AsArray() ?? []).Select(c => (string?)c).Order()))
            .Order()
            .ToList();

    private static async Task<JsonElement> StateValuesAsync(TerraformCli tf) =>
        await tf.Runner.ResourceValuesAsync(Address) ?? throw new Xunit.Sdk.XunitException($"{Address} is not in state");

    /// <summary>Terraform wraps diagnostic text at 80 columns; compare on one line.</summary>
    private static string Unwrapped(string output) => string.Join(' ', output.Split('\n', StringSplitOptions.TrimEntries));
}
