using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// <c>dbtcloud_ci_job</c> with the real terraform and the AOT provider against the emulator: the Pull Request job of
/// Datafold's dbt Cloud prerequisites, what dbt Cloud holds, drift, import and the plan-time checks.
/// </summary>
public sealed class CiJobEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Resource = "dbtcloud_ci_job";

    internal static string CiJob(string name = "pr", long environmentId = 100, long deferringEnvironmentId = 100, string extra = "") => $$"""
        resource "{{Resource}}" "{{name}}" {
          project_id               = 10
          environment_id           = {{environmentId}}
          deferring_environment_id = {{deferringEnvironmentId}}
          {{extra}}
        }

        """;

    [Fact]
    public async Task Created_as_a_pull_request_job_plans_empty_and_a_trigger_switched_off_by_hand_is_drift_that_apply_restores()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "ci-job-lifecycle").WriteConfig(CiJob());
        var created = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("1 added, 0 changed, 0 destroyed", created.Output);
        var job = Assert.Single(await ActiveJobsAsync());
        var id = job["id"]!.GetValue<long>();
        Assert.Equal("ci", (string?)job["job_type"]);
        Assert.Equal("Pull request CI", (string?)job["name"]);
        Assert.Equal(["dbt build --select state:modified+"], job["execute_steps"]!.AsArray().Select(s => (string)s!));
        Assert.True((bool?)job["triggers"]!["github_webhook"]);
        Assert.True((bool?)job["triggers"]!["git_provider_webhook"]);
        Assert.False((bool?)job["triggers"]!["schedule"]);
        Assert.False((bool?)job["triggers"]!["on_merge"]);
        Assert.Equal(100, (int?)job["deferring_environment_id"]);
        // No state-aware orchestration field was sent (dbt Cloud refuses them on a CI job, the emulator too).
        Assert.Null(job["force_node_selection"]);
        Assert.Empty(job["cost_optimization_features"]!.AsArray());
        Assert.False((bool?)job["triggers_on_draft_pr"]);
        Assert.False((bool?)job["run_lint"]);
        Assert.True((bool?)job["errors_on_lint_failure"]);

        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(0);
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));

        // Switched off in the UI: drift on run_on_pull_requests; apply turns it on again, in place.
        await fixture.PatchAsync($"dbtcloud/jobs/{id}", new JsonObject { ["triggers"] = new JsonObject { ["github_webhook"] = false } });
        var drift = (await tf.PlanAsync()).Expect(2);
        Assert.Matches(new Regex(@"~ run_on_pull_requests\s+= false -> true"), drift.Output);
        Assert.Contains("0 to add, 1 to change, 0 to destroy", drift.Output);
        (await tf.ApplyAsync()).Succeeded();
        job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(id, job["id"]!.GetValue<long>());
        Assert.True((bool?)job["triggers"]!["github_webhook"]);
        Assert.Equal("ci", (string?)job["job_type"]);
        (await tf.PlanAsync()).Expect(0);

        // Settings change in place; a second plan is empty.
        tf.WriteConfig(CiJob(extra: "triggers_on_draft_pr = true\n  run_lint = true\n  num_threads = 8"));
        var updated = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("0 added, 1 changed, 0 destroyed", updated.Output);
        job = Assert.Single(await ActiveJobsAsync());
        Assert.True((bool?)job["triggers_on_draft_pr"]);
        Assert.True((bool?)job["run_lint"]);
        Assert.Equal(8, (int?)job["settings"]!["threads"]);
        (await tf.PlanAsync()).Expect(0);

        (await tf.DestroyAsync()).Succeeded();
        Assert.Empty(await ActiveJobsAsync());
    }

    [Fact]
    public async Task One_stray_404_on_refresh_keeps_the_CI_job_and_the_plan_is_empty()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "ci-job-stray-404").WriteConfig(CiJob());
        (await tf.ApplyAsync()).Succeeded();
        var id = Assert.Single(await ActiveJobsAsync())["id"]!.GetValue<long>();
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "GET", ["path"] = $"/api/v2/accounts/1/jobs/{id}/", ["kind"] = "status", ["status"] = 404, ["count"] = 1,
        });

        var plan = (await tf.PlanAsync()).Expect(0);

        Assert.DoesNotContain("will be created", plan.Output);
        Assert.All(await fixture.FaultsAsync(), rule => Assert.Equal(1, (int)rule["hits"]!));
        Assert.Equal(id, Assert.Single(await ActiveJobsAsync())["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_CI_job_imports_with_an_empty_plan_and_a_scheduled_job_is_refused_naming_dbtcloud_artifacts_job()
    {
        await fixture.ResetAsync();
        var artifacts = TerraformCli.InNewDirectory(fixture, "ci-job-import-made").WriteConfig(CiJob() + """
            resource "dbtcloud_artifacts_job" "scheduled" {
              project_id     = 10
              environment_id = 100
            }
            """);
        (await artifacts.ApplyAsync()).Succeeded();
        var jobs = await ActiveJobsAsync();
        var ciId = jobs.Single(j => (string?)j["job_type"] == "ci")["id"]!.GetValue<long>();
        var scheduledId = jobs.Single(j => (string?)j["job_type"] == "scheduled")["id"]!.GetValue<long>();

        var tf = TerraformCli.InNewDirectory(fixture, "ci-job-import").WriteConfig($$"""
            import {
              to = {{Resource}}.pr
              id = "{{ciId}}"
            }
            """ + "\n" + CiJob());
        var before = await fixture.RequestCountsAsync();
        var imported = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("1 imported, 0 added, 0 changed, 0 destroyed", imported.Output);
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
        (await tf.PlanAsync()).Expect(0);

        var refused = TerraformCli.InNewDirectory(fixture, "ci-job-import-scheduled").WriteConfig($$"""
            import {
              to = {{Resource}}.wrong
              id = "{{scheduledId}}"
            }
            """ + "\n" + CiJob("wrong"));
        var plan = (await refused.PlanAsync()).Expect(1);
        var flat = Regex.Replace(plan.Output.Replace('│', ' '), @"\s+", " ");
        Assert.Contains("Not a CI job", flat);
        Assert.Contains($"dbt Cloud job {scheduledId}", flat);
        Assert.Contains("is a scheduled job", flat);
        Assert.Contains("dbtcloud_artifacts_job", flat);
        Assert.Equal(2, (await ActiveJobsAsync()).Count);
    }

    [Fact]
    public async Task Environments_are_checked_at_plan_at_their_attribute_naming_the_ids_and_nothing_is_written()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "ci-job-environments").WriteConfig(
            CiJob("other_project", deferringEnvironmentId: 110) + CiJob("development", environmentId: 101) + CiJob("defers_to_development", deferringEnvironmentId: 101));

        var plan = (await tf.PlanAsync()).Expect(1);
        var flat = Regex.Replace(plan.Output.Replace('│', ' '), @"\s+", " ");
        Assert.Contains("deferring_environment_id 110 is not an environment of project_id 10: its environments are 100 (Production), 101 (Development)", flat);
        Assert.Contains("environment_id 101 (Development) is a development environment; a CI job runs in a deployment environment", flat);
        Assert.Contains("deferring_environment_id 101 (Development) is a development environment; a CI job defers to the project's production environment", flat);
        Assert.Matches(new Regex(@"with dbtcloud_ci_job\.other_project,\s+on main\.tf line \d+, in resource ""dbtcloud_ci_job"" ""other_project"":\s+\S*\s*\d+:\s+deferring_environment_id = 110"), plan.Output.Replace("│", ""));
        Assert.DoesNotContain((await fixture.RequestCountsAsync()).Keys, k => ProviderFixture.IsWrite(k) && k.Contains("/jobs/"));
        Assert.Empty(await ActiveJobsAsync());
    }

    private async Task<List<JsonObject>> ActiveJobsAsync() => (await fixture.JobsAsync()).Where(j => (int?)j["state"] == 1).ToList();
}
