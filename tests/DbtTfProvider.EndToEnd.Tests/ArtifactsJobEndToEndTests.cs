using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// <c>dbtcloud_artifacts_job</c> with the real terraform and the AOT provider against the emulator: what a user sees
/// in plan and apply output, and what ends up in dbt Cloud.
/// </summary>
public sealed class ArtifactsJobEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Resource = "dbtcloud_artifacts_job";

    [Fact]
    public async Task Create_plan_update_drift_recreate_replace_and_destroy()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-lifecycle");

        // Create with every default: the hourly `dbt compile` job of Datafold's setup guide, primed with a first run.
        tf.WriteConfig(Job(10, 100, "trigger_run_on_create = true"));
        var created = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("1 added, 0 changed, 0 destroyed", created.Output);
        var job = Assert.Single(await ActiveJobsAsync());
        var id = job["id"]!.GetValue<long>();
        Assert.Equal("Datafold artifacts", (string?)job["name"]);
        Assert.Equal(["dbt compile"], Strings(job["execute_steps"]));
        Assert.Equal(10, (int?)job["project_id"]);
        Assert.Equal(100, (int?)job["environment_id"]);
        Assert.Equal("custom_cron", (string?)job["schedule"]!["date"]!["type"]);
        Assert.Equal("0 * * * *", (string?)job["schedule"]!["date"]!["cron"]);
        Assert.Equal("every_hour", (string?)job["schedule"]!["time"]!["type"]);
        Assert.Equal(1, (int?)job["schedule"]!["time"]!["interval"]);
        Assert.True((bool?)job["triggers"]!["schedule"]);
        Assert.False((bool?)job["triggers"]!["on_merge"]);
        Assert.False((bool?)job["triggers"]!["git_provider_webhook"]);
        Assert.Equal("scheduled", (string?)job["job_type"]);
        Assert.Equal(1, (int?)job["settings"]!["threads"]);
        Assert.Equal("default", (string?)job["settings"]!["target_name"]);
        Assert.Contains($"job_id = {id}", created.Output);
        Assert.Contains($"job_url = \"{fixture.EmulatorUrl}/deploy/1/projects/10/jobs/{id}\"", created.Output);
        Assert.Equal([id], await RunJobIdsAsync());

        // A second plan is empty, and its refresh reads the job exactly once.
        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(0);
        var after = await fixture.RequestCountsAsync();
        Assert.Equal(1, Delta(before, after, k => k.StartsWith("GET ") && k.EndsWith("/jobs/{id}/")));
        Assert.Equal(0, Delta(before, after, IsJobWrite));

        // A new cron is an in-place update: same job, no new run.
        tf.WriteConfig(Job(10, 100, "trigger_run_on_create = true\n  schedule_cron = \"30 */2 * * *\""));
        var updated = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("update in-place", updated.Output);
        Assert.Matches(new Regex(@"~ schedule_cron\s+= ""0 \* \* \* \*"" -> ""30 \*/2 \* \* \*"""), updated.Output);
        Assert.Contains("0 added, 1 changed, 0 destroyed", updated.Output);
        job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(id, job["id"]!.GetValue<long>());
        Assert.Equal("30 */2 * * *", (string?)job["schedule"]!["date"]!["cron"]);
        Assert.Equal([id], await RunJobIdsAsync());

        // trigger_run_on_create acts only at creation: changing it later touches nothing in dbt Cloud.
        tf.WriteConfig(Job(10, 100, "trigger_run_on_create = false\n  schedule_cron = \"30 */2 * * *\""));
        before = await fixture.RequestCountsAsync();
        var flagOnly = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("0 added, 1 changed, 0 destroyed", flagOnly.Output);
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), IsJobWrite));

        // Edits in dbt Cloud's UI show up as drift on the attributes they touched, and apply puts them back.
        await fixture.PatchAsync($"dbtcloud/jobs/{id}", new JsonObject
        {
            ["name"] = "Renamed in the UI",
            ["schedule"] = new JsonObject { ["date"] = new JsonObject { ["cron"] = "15 3 * * *" } },
            ["triggers"] = new JsonObject { ["schedule"] = false },
            ["settings"] = new JsonObject { ["threads"] = 8 },
        });
        var drift = (await tf.PlanAsync()).Expect(2);
        Assert.Matches(new Regex(@"~ name\s+= ""Renamed in the UI"" -> ""Datafold artifacts"""), drift.Output);
        Assert.Matches(new Regex(@"~ schedule_cron\s+= ""15 3 \* \* \*"" -> ""30 \*/2 \* \* \*"""), drift.Output);
        Assert.Matches(new Regex(@"~ schedule_enabled\s+= false -> true"), drift.Output);
        Assert.Matches(new Regex(@"~ num_threads\s+= 8 -> 1"), drift.Output);
        Assert.Contains("0 to add, 1 to change, 0 to destroy", drift.Output);
        (await tf.ApplyAsync()).Succeeded();
        job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(id, job["id"]!.GetValue<long>());
        Assert.Equal("Datafold artifacts", (string?)job["name"]);
        Assert.Equal("30 */2 * * *", (string?)job["schedule"]!["date"]!["cron"]);
        Assert.True((bool?)job["triggers"]!["schedule"]);
        Assert.Equal(1, (int?)job["settings"]!["threads"]);

        // Deleted in dbt Cloud: the next apply creates it again.
        await fixture.DeleteAsync($"dbtcloud/jobs/{id}");
        var recreated = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("will be created", recreated.Output);
        Assert.Contains("1 added, 0 changed, 0 destroyed", recreated.Output);
        job = Assert.Single(await ActiveJobsAsync());
        var recreatedId = job["id"]!.GetValue<long>();
        Assert.NotEqual(id, recreatedId);
        Assert.Equal("30 */2 * * *", (string?)job["schedule"]!["date"]!["cron"]);

        // A job cannot move between projects: a new project replaces it.
        tf.WriteConfig(Job(11, 110, "schedule_cron = \"30 */2 * * *\""));
        var replaced = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("# forces replacement", replaced.Output);
        Assert.Contains("1 added, 0 changed, 1 destroyed", replaced.Output);
        job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(11, (int?)job["project_id"]);
        Assert.Equal(110, (int?)job["environment_id"]);
        Assert.NotEqual(recreatedId, job["id"]!.GetValue<long>());

        var destroyed = (await tf.DestroyAsync()).Succeeded();
        Assert.Contains("1 destroyed", destroyed.Output);
        Assert.Empty(await ActiveJobsAsync());
    }

    [Fact]
    public async Task A_job_made_in_dbt_Cloud_imports_into_generated_configuration_that_plans_empty_and_keeps_unmanaged_settings()
    {
        await fixture.ResetAsync();
        var id = await CreateJobInDbtCloudAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-import");
        tf.WriteConfig($$"""
            import {
              to = {{Resource}}.imported
              id = "{{id}}"
            }
            """);

        (await tf.RunAsync("plan", "-no-color", "-generate-config-out=generated.tf")).Succeeded();
        var generated = await File.ReadAllTextAsync(Path.Combine(tf.WorkingDirectory, "generated.tf"));
        Assert.Matches(new Regex(@"schedule_cron\s+= ""0 6 \* \* 1-5"""), generated);
        Assert.Matches(new Regex(@"name\s+= ""Made in the UI"""), generated);
        Assert.Matches(new Regex(@"num_threads\s+= 4"), generated);
        Assert.Matches(new Regex(@"trigger_run_on_create\s+= false"), generated);

        var before = await fixture.RequestCountsAsync();
        var imported = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("1 imported, 0 added, 0 changed, 0 destroyed", imported.Output);
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), IsJobWrite));
        (await tf.PlanAsync()).Expect(0);

        // An update writes back the whole job: settings this resource does not manage survive it.
        await File.WriteAllTextAsync(Path.Combine(tf.WorkingDirectory, "generated.tf"), generated.Replace("\"Made in the UI\"", "\"Renamed by Terraform\""));
        (await tf.ApplyAsync()).Succeeded();
        var job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(id, job["id"]!.GetValue<long>());
        Assert.Equal("Renamed by Terraform", (string?)job["name"]);
        Assert.True((bool?)job["run_lint"]);
        Assert.Equal(101, (int?)job["deferring_environment_id"]);
        Assert.Equal(["dbt deps", "dbt ls"], Strings(job["execute_steps"]));
    }

    /// <summary>A setting added by its model field and its schema line alone is sent, read back and restored after a hand edit.</summary>
    [Fact]
    public async Task Run_generate_sources_is_sent_read_back_and_a_hand_edit_is_drift_that_apply_restores()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-source-freshness");
        tf.WriteConfig(Job(10, 100, "run_generate_sources = true"));
        (await tf.ApplyAsync()).Succeeded();
        var job = Assert.Single(await ActiveJobsAsync());
        var id = job["id"]!.GetValue<long>();
        Assert.True((bool?)job["run_generate_sources"]);
        (await tf.PlanAsync()).Expect(0);

        await fixture.PatchAsync($"dbtcloud/jobs/{id}", new JsonObject { ["run_generate_sources"] = false });
        var drift = (await tf.PlanAsync()).Expect(2);
        Assert.Matches(new Regex(@"~ run_generate_sources\s+= false -> true"), drift.Output);
        (await tf.ApplyAsync()).Succeeded();
        Assert.True((bool?)Assert.Single(await ActiveJobsAsync())["run_generate_sources"]);
        (await tf.PlanAsync()).Expect(0);
    }

    /// <summary>
    /// The third trigger: after another job, here of another project (dbt Cloud allows it): the condition's project is the
    /// upstream job's own, read back, drift restored, removed in place; an upstream job that does not exist is refused at plan.
    /// </summary>
    [Fact]
    public async Task Run_after_job_id_is_sent_with_the_upstream_jobs_project_read_back_and_a_missing_upstream_is_refused_at_plan()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-run-after");
        const string production = """
            resource "dbtcloud_artifacts_job" "production" {
              project_id     = 11
              environment_id = 110
              name           = "Production build"
              execute_steps  = ["dbt build"]
            }

            """;
        tf.WriteConfig(production + Job(10, 100, "run_after_job_id = dbtcloud_artifacts_job.production.job_id\n  run_after_statuses = [\"success\", \"error\"]\n  schedule_enabled = false"));
        (await tf.ApplyAsync()).Succeeded();
        var jobs = await ActiveJobsAsync();
        var upstreamId = jobs.Single(j => (string?)j["name"] == "Production build")["id"]!.GetValue<long>();
        var job = jobs.Single(j => (string?)j["name"] == "Datafold artifacts");
        var condition = job["job_completion_trigger_condition"]!["condition"]!;
        Assert.Equal(upstreamId, condition["job_id"]!.GetValue<long>());
        Assert.Equal(11, (int?)condition["project_id"]);
        Assert.Equal([10, 20], condition["statuses"]!.AsArray().Select(n => (int)n!).Order());
        (await tf.PlanAsync()).Expect(0);

        // Changed in the UI to success only: drift on run_after_statuses, restored by apply.
        await fixture.PatchAsync($"dbtcloud/jobs/{job["id"]}", new JsonObject
        {
            ["job_completion_trigger_condition"] = new JsonObject { ["condition"] = new JsonObject { ["statuses"] = new JsonArray(10) } },
        });
        var drift = (await tf.PlanAsync()).Expect(2);
        Assert.Contains("run_after_statuses", drift.Output);
        Assert.Matches(new Regex(@"\+\s+""error"""), drift.Output);
        (await tf.ApplyAsync()).Succeeded();
        (await tf.PlanAsync()).Expect(0);

        // Removed: the trigger is gone from the job, in place.
        tf.WriteConfig(production + Job(10, 100, "schedule_enabled = false"));
        var removed = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("0 added, 1 changed, 0 destroyed", removed.Output);
        Assert.Null(Assert.Single(await ActiveJobsAsync(), j => (string?)j["name"] == "Datafold artifacts")["job_completion_trigger_condition"]);
        (await tf.PlanAsync()).Expect(0);

        // An upstream job that does not exist: refused at plan, at the attribute, before any write.
        var missing = TerraformCli.InNewDirectory(fixture, "job-run-after-missing").WriteConfig(Job(10, 100, "run_after_job_id = 999999", "missing"));
        var before = await fixture.RequestCountsAsync();
        var refused = (await missing.PlanAsync()).Expect(1);
        AssertError(refused, "missing", "run_after_job_id 999999: dbt Cloud account 1 has no active job 999999");
        Assert.Contains("Upstream job not found", refused.Output);
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), IsJobWrite));
    }

    [Fact]
    public async Task Bad_input_fails_at_validate_naming_the_attribute_and_nothing_is_written()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-bad-input").WriteConfig(
            Job(10, 100, "schedule_cron = \"0 0 * * * *\"", "six_fields") +
            Job(10, 100, "schedule_cron = \"61 * * * *\"", "out_of_range") +
            Job(10, 100, "execute_steps = []", "no_steps") +
            Job(10, 100, "execute_steps = [\"dbt deps\", \"make build\"]", "not_dbt") +
            Job(10, 100, "num_threads = 0", "no_threads"));

        var validate = (await tf.ValidateAsync()).Expect(1);
        AssertError(validate, "six_fields", "schedule_cron must have five fields");
        AssertError(validate, "out_of_range", "schedule_cron is not a valid cron expression: \"61 * * * *\"");
        AssertError(validate, "no_steps", "execute_steps must have at least 1 element");
        AssertError(validate, "not_dbt", "execute_steps[1] must start with \"dbt \"");
        AssertError(validate, "no_threads", "num_threads must be at least 1; got 0.");
        Assert.DoesNotContain("2147483647", validate.Output);

        (await tf.PlanAsync()).Expect(1);
        var counts = await fixture.RequestCountsAsync();
        Assert.DoesNotContain(counts.Keys, k => k.Contains("/jobs/"));
        Assert.Empty(await fixture.JobsAsync());
    }

    [Fact]
    public async Task Twenty_jobs_are_created_exactly_once_through_rate_limits_outages_and_a_create_that_fails_after_committing()
    {
        await fixture.ResetAsync();
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "POST", ["path_prefix"] = "/api/v2/accounts/1/jobs/", ["kind"] = "commit_then_fail", ["status"] = 500, ["count"] = 1,
        });
        await fixture.AddFaultAsync(new JsonObject
        {
            ["path_prefix"] = "/api/v2/", ["kind"] = "status", ["status"] = 429, ["retry_after_seconds"] = 1, ["count"] = 6, ["every"] = 3,
        });
        await fixture.AddFaultAsync(new JsonObject
        {
            ["path_prefix"] = "/api/v2/", ["kind"] = "status", ["status"] = 503, ["count"] = 6, ["every"] = 4,
        });
        var tf = TerraformCli.InNewDirectory(fixture, "job-faults").WriteConfig($$"""
            resource "{{Resource}}" "fleet" {
              count          = 20
              project_id     = 10
              environment_id = 100
              name           = "artifacts ${count.index}"
            }
            """);

        var applied = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("20 added, 0 changed, 0 destroyed", applied.Output);
        using (var faults = await fixture.Admin.GetAsync("faults"))
        {
            var rules = JsonNode.Parse(await faults.Content.ReadAsStringAsync())!.AsArray();
            Assert.All(rules, rule => Assert.True((int?)rule!["hits"] > 0, $"fault rule never fired: {rule}"));
        }
        var jobs = await ActiveJobsAsync();
        Assert.Equal(20, jobs.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"artifacts {i}").Order(), jobs.Select(j => (string)j["name"]!).Order());

        await fixture.ClearFaultsAsync();
        (await tf.PlanAsync()).Expect(0);
    }

    [Theory]
    [InlineData("", "at its next scheduled run (\"0 * * * *\", UTC)")]
    [InlineData("run_on_merge = true\n  schedule_enabled = false", "at its next run, on the next merge into its environment's branch")]
    [InlineData("schedule_enabled = false", "has neither its schedule nor run on merge on, so it runs only when started")]
    public async Task A_first_run_that_cannot_start_is_a_warning_saying_when_the_next_run_comes_and_the_job_is_kept(string triggers, string nextRun)
    {
        await fixture.ResetAsync();
        // After a reset the job is 3001: only its run is refused.
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "POST", ["path_prefix"] = "/api/v2/accounts/1/jobs/3001/run/", ["kind"] = "status", ["status"] = 403, ["count"] = 1,
        });
        var tf = TerraformCli.InNewDirectory(fixture, "job-run-refused").WriteConfig(Job(10, 100, "trigger_run_on_create = true\n  " + triggers));

        var applied = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("Warning: First run not started", applied.Output);
        Assert.Contains("trigger_run_on_create", applied.Output);
        Assert.Contains(nextRun, string.Join(' ', applied.Output.Split('\n', StringSplitOptions.TrimEntries)));
        Assert.DoesNotContain("scheduled or on merge", applied.Output);
        Assert.Contains("1 added, 0 changed, 0 destroyed", applied.Output);
        Assert.Single(await ActiveJobsAsync());
        Assert.Empty(await RunJobIdsAsync());
        (await tf.PlanAsync()).Expect(0);
    }

    /// <summary>Datafold's current recipe: `dbt ls` on merge to the production branch, the schedule off.</summary>
    private const string MergeRecipe = """
        execute_steps    = ["dbt ls"]
          run_on_merge     = true
          schedule_enabled = false
        """;

    [Fact]
    public async Task A_scheduled_job_becomes_a_merge_job_in_place_is_renamed_and_plans_empty_after_each()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-to-merge");
        tf.WriteConfig(Job(10, 100));
        (await tf.ApplyAsync()).Succeeded();
        var id = Assert.Single(await ActiveJobsAsync())["id"]!.GetValue<long>();
        (await tf.PlanAsync()).Expect(0);

        // The hourly job becomes the merge job: dbt Cloud refuses state-aware orchestration fields on a merge job (405),
        // also when they are only sent back as read, and read-only fields in any update (400).
        tf.WriteConfig(Job(10, 100, MergeRecipe));
        var merged = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("update in-place", merged.Output);
        Assert.Matches(new Regex(@"~ run_on_merge\s+= false -> true"), merged.Output);
        Assert.Matches(new Regex(@"~ schedule_enabled\s+= true -> false"), merged.Output);
        Assert.Contains("0 added, 1 changed, 0 destroyed", merged.Output);
        var job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(id, job["id"]!.GetValue<long>());
        Assert.Equal("merge", (string?)job["job_type"]);
        Assert.True((bool?)job["triggers"]!["on_merge"]);
        Assert.False((bool?)job["triggers"]!["schedule"]);
        Assert.Equal(["dbt ls"], Strings(job["execute_steps"]));
        (await tf.PlanAsync()).Expect(0);

        // Any later update of the merge job works too.
        tf.WriteConfig(Job(10, 100, MergeRecipe + "\n  name = \"Datafold artifacts on merge\""));
        var renamed = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("0 added, 1 changed, 0 destroyed", renamed.Output);
        job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(id, job["id"]!.GetValue<long>());
        Assert.Equal("Datafold artifacts on merge", (string?)job["name"]);
        Assert.Equal("merge", (string?)job["job_type"]);
        (await tf.PlanAsync()).Expect(0);

        // And back to the hourly job, in place.
        tf.WriteConfig(Job(10, 100));
        Assert.Contains("0 added, 1 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);
        job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal("scheduled", (string?)job["job_type"]);
        (await tf.PlanAsync()).Expect(0);
    }

    [Fact]
    public async Task The_merge_recipe_is_created_from_scratch_and_plans_empty()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-merge-recipe").WriteConfig(Job(10, 100, MergeRecipe));

        Assert.Contains("1 added, 0 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);

        var job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal("merge", (string?)job["job_type"]);
        Assert.True((bool?)job["triggers"]!["on_merge"]);
        Assert.False((bool?)job["triggers"]!["schedule"]);
        Assert.Equal(["dbt ls"], Strings(job["execute_steps"]));
        (await tf.PlanAsync()).Expect(0);
    }

    [Fact]
    public async Task Run_on_merge_with_the_schedule_on_is_refused_at_validate_naming_both_and_nothing_is_written()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-merge-and-schedule").WriteConfig(
            Job(10, 100, "run_on_merge = true", "schedule_by_default") +
            Job(10, 100, "run_on_merge = true\n  schedule_enabled = true", "schedule_on"));

        var validate = (await tf.ValidateAsync()).Expect(1);
        AssertError(validate, "schedule_by_default",
            "run_on_merge = true needs schedule_enabled = false: dbt Cloud runs a merge job on merge alone and refuses one that also runs on a schedule (schedule_enabled defaults to true).");
        AssertError(validate, "schedule_on", "run_on_merge = true needs schedule_enabled = false");
        Assert.Matches(new Regex(@"schedule_enabled = true"), validate.Output);

        (await tf.PlanAsync()).Expect(1);
        (await tf.ApplyAsync()).Expect(1);
        var counts = await fixture.RequestCountsAsync();
        Assert.DoesNotContain(counts.Keys, k => k.Contains("/jobs/"));
        Assert.Empty(await fixture.JobsAsync());
    }

    /// <summary>ci is dbt Cloud's fixed type; exposure_sync and hybrid (v2 JobTypeEnum) are types this resource does not write either.</summary>
    [Theory]
    [InlineData("ci", "a ci job")]
    [InlineData("exposure_sync", "an exposure_sync job")]
    [InlineData("hybrid", "a hybrid job")]
    public async Task An_imported_job_of_a_type_it_does_not_write_is_refused_at_plan_naming_the_type_and_is_left_as_it_is(string jobType, string named)
    {
        await fixture.ResetAsync();
        var pullRequests = jobType == "ci";
        var ci = await fixture.DbtCloudAsync(HttpMethod.Post, $"/v2/accounts/{ProviderFixture.AccountId}/jobs/", new JsonObject
        {
            ["id"] = null, ["account_id"] = ProviderFixture.AccountId, ["project_id"] = 10, ["environment_id"] = 100,
            ["name"] = "CI on pull requests", ["execute_steps"] = new JsonArray("dbt build --select state:modified+"),
            ["settings"] = new JsonObject { ["threads"] = 4, ["target_name"] = "ci" }, ["state"] = 1,
            ["triggers"] = new JsonObject { ["github_webhook"] = false, ["git_provider_webhook"] = pullRequests, ["schedule"] = false, ["on_merge"] = false },
            ["schedule"] = new JsonObject
            {
                ["date"] = new JsonObject { ["type"] = "custom_cron", ["cron"] = "0 * * * *" },
                ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
            },
            ["job_type"] = jobType,
        });
        var id = ci!["id"]!.GetValue<long>();
        var tf = TerraformCli.InNewDirectory(fixture, $"job-import-{jobType}").WriteConfig($$"""
            import {
              to = {{Resource}}.this
              id = "{{id}}"
            }

            """ + Job(10, 100));

        var before = await fixture.RequestCountsAsync();
        var plan = (await tf.PlanAsync()).Expect(1);
        var applied = (await tf.ApplyAsync()).Expect(1);

        foreach (var result in new[] { plan, applied })
        {
            Assert.Contains("Error: Job type cannot change", result.Output);
            Assert.Contains($"dbt Cloud job {id} is {named} (job_type \"{jobType}\")", Regex.Replace(result.Output.Replace('│', ' '), @"\s+", " "));
        }
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), IsJobWrite));
        var job = Assert.Single(await ActiveJobsAsync());
        Assert.Equal(jobType, (string?)job["job_type"]);
        Assert.Equal("CI on pull requests", (string?)job["name"]);
    }

    private static string Job(long projectId, long environmentId, string extra = "", string name = "this") => $$"""
        resource "{{Resource}}" "{{name}}" {
          project_id     = {{projectId}}
          environment_id = {{environmentId}}
          {{extra}}
        }

        output "{{name}}_job_id" {
          value = {{Resource}}.{{name}}.job_id
        }

        output "{{name}}_job_url" {
          value = {{Resource}}.{{name}}.job_url
        }

        """;

    /// <summary>
    /// Terraform prints each diagnostic as a block starting "Error:", its text wrapped behind "│" margins; one must
    /// name the resource and say <paramref name="text"/>.
    /// </summary>
    private static void AssertError(TerraformResult result, string resourceName, string text)
    {
        static string Flat(string s) => Regex.Replace(s.Replace('│', ' '), @"\s+", " ");
        var blocks = result.Output.Split("Error: ").Select(Flat);
        Assert.True(blocks.Any(b => b.Contains($"{Resource}.{resourceName},") && b.Contains(Flat(text))),
            $"no error on {Resource}.{resourceName} saying '{text}' in:\n{result.Output}");
    }

    private static bool IsJobWrite(string requestKey) => !requestKey.StartsWith("GET ") && requestKey.Contains("/jobs/");

    private static int Delta(Dictionary<string, int> before, Dictionary<string, int> after, Func<string, bool> which) =>
        after.Where(kv => which(kv.Key)).Sum(kv => kv.Value) - before.Where(kv => which(kv.Key)).Sum(kv => kv.Value);

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!).ToArray();

    private async Task<List<JsonObject>> ActiveJobsAsync() => (await fixture.JobsAsync()).Where(j => (int?)j["state"] == 1).ToList();

    private async Task<long[]> RunJobIdsAsync() =>
        ProviderFixture.Objects(await fixture.StateAsync(), "dbt_cloud", "runs").Select(r => r["job_definition_id"]!.GetValue<long>()).ToArray();

    /// <summary>A job as someone would set it up in dbt Cloud's UI, including settings the resource does not manage.</summary>
    private async Task<long> CreateJobInDbtCloudAsync()
    {
        var body = new JsonObject
        {
            ["id"] = null, ["account_id"] = ProviderFixture.AccountId, ["project_id"] = 10, ["environment_id"] = 100,
            ["name"] = "Made in the UI", ["description"] = "nightly-ish", ["execute_steps"] = new JsonArray("dbt deps", "dbt ls"),
            ["dbt_version"] = "latest", ["settings"] = new JsonObject { ["threads"] = 4, ["target_name"] = "prod" },
            ["execution"] = new JsonObject { ["timeout_seconds"] = 600 }, ["state"] = 1, ["generate_docs"] = true,
            ["triggers"] = new JsonObject { ["github_webhook"] = false, ["git_provider_webhook"] = false, ["schedule"] = true, ["on_merge"] = false },
            ["schedule"] = new JsonObject
            {
                ["date"] = new JsonObject { ["type"] = "custom_cron", ["cron"] = "0 6 * * 1-5" },
                ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
            },
            ["run_lint"] = true, ["deferring_environment_id"] = 101,
        };
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.EmulatorUrl}/api/v2/accounts/{ProviderFixture.AccountId}/jobs/")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", ProviderFixture.AdminToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["data"]!["id"]!.GetValue<long>();
    }
}
