using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// modules/datafold-dbt-cloud through its example root module (examples/complete), as <c>make demo</c> uses it: the
/// real terraform installs the local modules (<c>terraform get</c>), validates, applies against the emulator with
/// everything found by name, plans no change, switches recipe in place, and destroys; and refuses bad inputs with
/// messages that name them.
/// </summary>
public sealed class ModuleEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string ModuleAddress = "module.datafold_dbt_cloud";
    private const string Job = ModuleAddress + ".dbtcloud_artifacts_job.datafold";

    [Fact]
    public async Task The_module_applies_by_name_plans_no_change_switches_recipe_in_place_and_destroys()
    {
        await fixture.ResetAsync();
        var tf = await ModuleExampleAsync("module-apply");
        tf.Runner.Environment["TF_VAR_recipe"] = "hourly";

        (await tf.ValidateAsync()).Succeeded();
        // Issue 19: the module also makes the Pull Request job, so four objects (it made three before).
        var applied = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("4 added, 0 changed, 0 destroyed", applied.Output);

        // The names were resolved to the seed's ids: project "Analytics" 10, its "Production" environment 100,
        // Datafold's "Snowflake production" 7.
        var token = Assert.Single(await ActiveAsync(fixture.ServiceTokensAsync()));
        Assert.Equal("Datafold CI", (string?)token["name"]);
        var grant = Assert.Single(token["grants"]!.AsArray())!;
        Assert.Equal("member", (string?)grant["permission_set"]);
        Assert.False((bool?)grant["all_projects"]);
        Assert.Equal(10, (int?)grant["project_id"]);

        var pullRequests = Assert.Single(await ActiveAsync(fixture.JobsAsync()), j => (string?)j["job_type"] == "ci");
        Assert.Equal(100, (int?)pullRequests["deferring_environment_id"]);
        var job = Assert.Single(await ActiveAsync(fixture.JobsAsync()), j => (string?)j["job_type"] != "ci");
        Assert.Equal(10, (int?)job["project_id"]);
        Assert.Equal(100, (int?)job["environment_id"]);
        Assert.Equal(["dbt compile"], job["execute_steps"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("0 * * * *", (string?)job["schedule"]!["date"]!["cron"]);
        Assert.True((bool?)job["triggers"]!["schedule"]);
        Assert.False((bool?)job["triggers"]!["on_merge"]);

        var ci = Assert.Single(await fixture.CiConfigsAsync());
        Assert.Equal(7, (int?)ci["data_source_id"]);
        Assert.Equal(3, (int?)ci["repo_id"]);
        Assert.Equal(1, (int?)ci["dbt_cloud"]!["account_id"]);
        Assert.Equal((int?)job["id"], (int?)ci["dbt_cloud"]!["artifacts_job_id"]);
        Assert.Equal((int?)pullRequests["id"], (int?)ci["dbt_cloud"]!["ci_job_id"]);
        Assert.Equal((string?)token["token_string"], (string?)ci["dbt_cloud"]!["api_key"]);
        // One host setting drove both: the provider reached the emulator without DBT_CLOUD_HOST_URL, and Datafold
        // was given the same host (the pasted "/api" removed).
        Assert.Equal(fixture.EmulatorUrl, (string?)ci["dbt_cloud"]!["host_url"]);

        // The outputs are the ids.
        using (var outputs = JsonDocument.Parse((await tf.RunAsync("output", "-json")).Succeeded().Stdout))
        {
            string Output(string name) => outputs.RootElement.GetProperty(name).GetProperty("value").ToString();
            Assert.Equal((string?)token["id"]?.ToString(), Output("service_token_id"));
            Assert.Equal(job["id"]!.ToString(), Output("artifacts_job_id"));
            Assert.Equal(pullRequests["id"]!.ToString(), Output("pull_request_job_id"));
            Assert.Equal(ci["id"]!.ToString(), Output("integration_id"));
            Assert.Equal("10", Output("dbt_cloud_project_id"));
            Assert.Equal("100", Output("dbt_cloud_environment_id"));
            Assert.Equal("7", Output("datafold_data_source_id"));
        }

        // The second plan is empty and writes nothing.
        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(0);
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));

        // The merge recipe: the same job, updated in place, to `dbt ls` on merge with the schedule off.
        tf.Runner.Environment["TF_VAR_recipe"] = "merge";
        var toMerge = (await tf.PlanAsync()).Expect(2);
        Assert.Contains($"{Job} will be updated in-place", toMerge.Output);
        Assert.Matches(new Regex(@"~ run_on_merge\s+= false -> true"), toMerge.Output);
        Assert.Contains("Plan: 0 to add, 1 to change, 0 to destroy.", toMerge.Output);
        (await tf.ApplyAsync()).Succeeded();
        var merged = Assert.Single(await ActiveAsync(fixture.JobsAsync()), j => (string?)j["job_type"] != "ci");
        Assert.Equal((int?)job["id"], (int?)merged["id"]);
        Assert.Equal(["dbt ls"], merged["execute_steps"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool?)merged["triggers"]!["on_merge"]);
        Assert.False((bool?)merged["triggers"]!["schedule"]);
        (await tf.PlanAsync()).Expect(0);

        var destroyed = (await tf.DestroyAsync()).Succeeded();
        Assert.Contains("4 destroyed", destroyed.Output);
        Assert.Empty(await ActiveAsync(fixture.ServiceTokensAsync()));
        Assert.Empty(await ActiveAsync(fixture.JobsAsync()));
        Assert.Empty(await fixture.CiConfigsAsync());
    }

    [Theory]
    [InlineData("recipe", "daily", "recipe must be \"hourly\" (dbt compile every hour) or \"merge\"")]
    [InlineData("dbt_cloud_region", "eu", "dbt_cloud_region must be one of \"us\" (cloud.getdbt.com), \"emea\"")]
    [InlineData("dbt_cloud_host", "https://emea.dbt.com/accounts/1", "dbt_cloud_host must be a dbt Cloud access URL")]
    [InlineData("datafold_repository_id", "0", "datafold_repository_id must be the positive whole number")]
    public async Task A_bad_input_is_refused_at_plan_with_a_message_naming_it_and_nothing_is_created(string variable, string value, string message)
    {
        await fixture.ResetAsync();
        var tf = await ModuleExampleAsync("module-bad-" + variable);
        var before = await fixture.RequestCountsAsync();

        // -var: terraform.tfvars would win over a TF_VAR_ environment variable.
        var plan = (await tf.PlanAsync("-var", $"{variable}={value}")).Expect(1);

        Assert.Contains(message, Unwrapped(plan.Output));
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
    }

    [Fact]
    public async Task An_environment_that_is_not_the_production_deployment_environment_is_refused_before_anything_is_created()
    {
        await fixture.ResetAsync();
        var tf = await ModuleExampleAsync("module-development-environment");
        tf.Runner.Environment["TF_VAR_dbt_cloud_environment_name"] = "Development";
        var before = await fixture.RequestCountsAsync();

        var plan = (await tf.PlanAsync()).Expect(1);

        Assert.Contains("dbt Cloud environment \"Development\" of project \"Analytics\" is a development environment", Unwrapped(plan.Output));
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
    }

    [Fact]
    public async Task A_quickstart_configuration_moves_into_the_module_with_moved_blocks_and_nothing_is_replaced()
    {
        await fixture.ResetAsync();
        var root = fixture.NewWorkingDirectory("module-moved");
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "modules"), Path.Combine(root, "modules"));
        var tf = new TerraformCli(fixture, Path.Combine(root, "setup"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "quickstart"), "*.tf"))
            File.Copy(file, Path.Combine(tf.WorkingDirectory, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(tf.WorkingDirectory, "terraform.tfvars"), $"""
            dbt_cloud_account_id      = 1
            dbt_cloud_project_name    = "Analytics"
            datafold_repository_id    = 3
            datafold_data_source_name = "Snowflake production"
            dbt_cloud_host            = "{fixture.EmulatorUrl}"
            dbt_cloud_ci_environment_name = "Production"
            """);
        tf.Runner.Environment["DBT_CLOUD_HOST_URL"] = null;
        (await tf.ApplyAsync()).Succeeded();
        var objectsBefore = await ObjectIdsAsync();

        // The module's README: the same root, now calling the module, with one moved block per resource.
        File.Delete(Path.Combine(tf.WorkingDirectory, "outputs.tf"));
        File.WriteAllText(Path.Combine(tf.WorkingDirectory, "main.tf"), """
            module "dbt_cloud_region" {
              source           = "../modules/datafold-dbt-cloud/modules/region"
              dbt_cloud_region = var.dbt_cloud_region
              dbt_cloud_host   = var.dbt_cloud_host
            }

            provider "dbtcloud" {
              account_id = var.dbt_cloud_account_id
              host_url   = module.dbt_cloud_region.dbt_cloud_api_url
            }

            provider "datafold" {}

            module "datafold_dbt_cloud" {
              source = "../modules/datafold-dbt-cloud"

              dbt_cloud_project_name     = var.dbt_cloud_project_name
              dbt_cloud_environment_name = var.dbt_cloud_environment_name
              datafold_data_source_name  = var.datafold_data_source_name
              datafold_repository_id     = var.datafold_repository_id
              dbt_cloud_region           = var.dbt_cloud_region
              dbt_cloud_host             = var.dbt_cloud_host
              token_all_projects         = true # the quickstart's grant

              dbt_cloud_ci_environment_name = var.dbt_cloud_ci_environment_name
            }

            moved {
              from = dbtcloud_service_token.datafold
              to   = module.datafold_dbt_cloud.dbtcloud_service_token.datafold
            }
            moved {
              from = dbtcloud_artifacts_job.datafold
              to   = module.datafold_dbt_cloud.dbtcloud_artifacts_job.datafold
            }
            moved {
              from = datafold_dbt_integration.ci
              to   = module.datafold_dbt_cloud.datafold_dbt_integration.ci
            }
            moved {
              from = dbtcloud_ci_job.pull_requests
              to   = module.datafold_dbt_cloud.dbtcloud_ci_job.pull_requests[0]
            }
            """);
        (await tf.RunAsync("get")).Succeeded();

        var plan = await tf.PlanAsync();
        Assert.True(plan.ExitCode is 0 or 2, plan.ToString());
        foreach (var (from, to) in new[]
                 {
                     ("dbtcloud_service_token.datafold", "dbtcloud_service_token.datafold"),
                     ("dbtcloud_artifacts_job.datafold", "dbtcloud_artifacts_job.datafold"),
                     ("datafold_dbt_integration.ci", "datafold_dbt_integration.ci"),
                     ("dbtcloud_ci_job.pull_requests", "dbtcloud_ci_job.pull_requests[0]"),
                 })
            Assert.Contains($"# {from} has moved to {ModuleAddress}.{to}", plan.Output);
        Assert.Contains("Plan: 0 to add, 0 to change, 0 to destroy.", plan.Output);

        (await tf.ApplyAsync()).Succeeded();
        (await tf.PlanAsync()).Expect(0);
        Assert.Equal(objectsBefore, await ObjectIdsAsync());
    }

    [Fact]
    public async Task The_quickstart_refuses_an_unknown_region_before_calling_dbt_cloud()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "quickstart-region");
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "quickstart"), "*.tf"))
            File.Copy(file, Path.Combine(tf.WorkingDirectory, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(tf.WorkingDirectory, "terraform.tfvars"), """
            dbt_cloud_account_id      = 1
            dbt_cloud_project_name    = "Analytics"
            datafold_repository_id    = 3
            datafold_data_source_name = "Snowflake production"
            dbt_cloud_region          = "eu"
            """);
        var before = await fixture.RequestCountsAsync();

        var plan = (await tf.PlanAsync()).Expect(1);

        Assert.Contains("dbt_cloud_region must be one of \"us\" (cloud.getdbt.com), \"emea\" (emea.dbt.com) or \"au\" (au.dbt.com)", Unwrapped(plan.Output));
        // The dbt Cloud provider, configured from the region, never starts; Datafold's side may still be read.
        var after = await fixture.RequestCountsAsync();
        Assert.True(ProviderFixture.Delta(before, after, k => !k.Contains("/api/v1/", StringComparison.Ordinal)) == 0,
            "dbt Cloud was called: " + string.Join(", ", after.Where(kv => kv.Value != before.GetValueOrDefault(kv.Key)).Select(kv => kv.Key)));
    }

    // ---- helpers ----

    /// <summary>The ids of the active token, job and CI config, to show that none was replaced.</summary>
    private async Task<string> ObjectIdsAsync() =>
        $"token {Assert.Single(await ActiveAsync(fixture.ServiceTokensAsync()))["id"]}, " +
        $"job {Assert.Single(await ActiveAsync(fixture.JobsAsync()), j => (string?)j["job_type"] != "ci")["id"]}, " +
        $"ci {Assert.Single(await fixture.CiConfigsAsync())["id"]}";

    /// <summary>
    /// A copy of modules/ (so the example's relative sources resolve) with a terraform.tfvars naming the seed's
    /// objects, its local modules installed by <c>terraform get</c> (no provider download: the providers come from
    /// dev_overrides). The emulator stands in for a single-tenant dbt Cloud host.
    /// </summary>
    private async Task<TerraformCli> ModuleExampleAsync(string name)
    {
        var root = fixture.NewWorkingDirectory(name);
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "modules"), Path.Combine(root, "modules"));
        var tf = new TerraformCli(fixture, Path.Combine(root, "modules", "datafold-dbt-cloud", "examples", "complete"));
        File.WriteAllText(Path.Combine(tf.WorkingDirectory, "terraform.tfvars"), $"""
            dbt_cloud_project_name    = "Analytics"
            datafold_data_source_name = "Snowflake production"
            datafold_repository_id    = 3
            dbt_cloud_host            = "{fixture.EmulatorUrl}/api"
            """);
        tf.Runner.Environment["DBT_CLOUD_HOST_URL"] = null;
        (await tf.RunAsync("get")).Succeeded();
        return tf;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            // Not what a developer's own terraform runs left in the source tree.
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith(".terraform", StringComparison.Ordinal) || p.EndsWith(".tfstate", StringComparison.Ordinal) || p == "terraform.tfvars")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    /// <summary>Terraform wraps diagnostics at 80 columns (with "│ " borders when not plain): one line per paragraph.</summary>
    private static string Unwrapped(string output) =>
        Regex.Replace(Regex.Replace(output, @"^[│╷╵]\s?", "", RegexOptions.Multiline), @"\s*\n\s*", " ");

    private static async Task<List<JsonObject>> ActiveAsync(Task<List<JsonObject>> objects) =>
        (await objects).Where(o => (int?)o["state"] == 1).ToList();
}
