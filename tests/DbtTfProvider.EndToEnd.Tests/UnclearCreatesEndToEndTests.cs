using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// Creates whose outcome is in question (issue 8, cases 1, 5, 6 and 7), with the real terraform, the AOT provider and
/// the emulator's faults: a Ctrl-C while creates are in flight, answers lost after the service committed, commits that
/// outlive the attempt timeout, look-ups that fail, another workspace's objects of the same name, and the first run of a
/// job. Whatever happens, every live object ends up in state or removed, nothing is doubled, and nothing of another's is
/// touched; a clean apply afterwards leaves exactly the configured objects, each in state.
/// </summary>
public sealed class UnclearCreatesEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string TokenType = "dbtcloud_service_token";
    private const string JobType = "dbtcloud_artifacts_job";
    private const string IntegrationType = "datafold_dbt_integration";
    private const string TokensPath = "/api/v3/accounts/1/service-tokens/";
    private const string JobsPath = "/api/v2/accounts/1/jobs/";
    private const string CiCreatePath = "/api/v1/ci/dbt_cloud/";
    private const string MarkerTag = "[tf-create ";

    private static string Providers(string settings = "") => $$"""
        terraform {
          required_providers {
            dbtcloud = { source = "{{ProviderFixture.DbtCloudAddress}}" }
            datafold = { source = "{{ProviderFixture.DatafoldAddress}}" }
          }
        }
        provider "dbtcloud" {
          {{settings}}
        }
        provider "datafold" {
          {{settings}}
        }

        """;

    private static string Tokens(string prefix, int count) => $$"""
        resource "{{TokenType}}" "t" {
          count = {{count}}
          name  = "{{prefix}}${count.index}"
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
        }

        """;

    private static string Jobs(string prefix, int count, string extra = "") => $$"""
        resource "{{JobType}}" "j" {
          count          = {{count}}
          project_id     = 10
          environment_id = 100
          name           = "{{prefix}}${count.index}"
          {{extra}}
        }

        """;

    private static string Integration(string tokenPrefix, string jobPrefix) => $$"""
        resource "{{IntegrationType}}" "ci" {
          name                 = "dbt Cloud CI"
          repository_id        = 3
          data_source_id       = 7
          dbt_cloud_account_id = 1
          dbt_cloud_api_token  = {{TokenType}}.t[0].token_string
          artifacts_job_id     = {{JobType}}.j[0].job_id
        }

        """;

    // ---- case 1: Ctrl-C ----

    [Fact]
    public async Task A_ctrl_c_during_twenty_token_and_twenty_job_creates_leaves_every_live_object_in_state()
    {
        await fixture.ResetAsync();
        // 300 ms per request; a POST is carried out by the service even when the client hangs up meanwhile.
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = "/api/", ["kind"] = "slow_commit", ["latency_ms"] = 300 });
        foreach (var method in new[] { "GET", "PUT", "DELETE" })
            await fixture.AddFaultAsync(new JsonObject { ["method"] = method, ["path_prefix"] = "/api/", ["kind"] = "latency", ["latency_ms"] = 300 });
        var tf = Workspace("ctrlc-fleet", Providers() + Tokens("ctrlc-token-", 20) + Jobs("ctrlc-job-", 20));

        // Interrupted once a handful of creates are on the wire: the rest are in flight or not started.
        var interrupted = await ApplyInterruptedAsync(tf, async () =>
        {
            var counts = await fixture.RequestCountsAsync();
            return counts.Where(kv => kv.Key.StartsWith("POST ") && (kv.Key.EndsWith("/service-tokens/") || kv.Key.EndsWith("/jobs/"))).Sum(kv => kv.Value) >= 8;
        });
        Assert.Contains("Interrupt received", interrupted.Output);
        // A POST the client gave up on would still land within its 300 ms.
        await Task.Delay(1000);
        var (tokensInState, jobsInState) = (await StateIdsAsync(tf, TokenType), await StateIdsAsync(tf, JobType));
        Assert.True(tokensInState.Count + jobsInState.Count < 40, $"the interrupt came too late to test anything\n{interrupted}");
        await AssertLiveEqualsStateAsync(tf, "ctrlc-token-", "ctrlc-job-", ciName: null);

        await fixture.ClearFaultsAsync();
        (await tf.ApplyAsync()).Succeeded();
        await AssertExactlyConfiguredAsync(tf, "ctrlc-token-", 20, "ctrlc-job-", 20);
    }

    [Fact]
    public async Task A_ctrl_c_during_the_integrations_create_puts_the_ci_config_into_state()
    {
        await fixture.ResetAsync();
        // The CI config POST takes 2 s, and is carried out even if the client hangs up: the interrupt surely comes while it is in flight.
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = CiCreatePath, ["kind"] = "slow_commit", ["latency_ms"] = 2000 });
        var tf = Workspace("ctrlc-integration", Providers() + Tokens("ctrlc-ci-token-", 1) + Jobs("ctrlc-ci-job-", 1) + Integration("ctrlc-ci-token-", "ctrlc-ci-job-"));

        var interrupted = await ApplyInterruptedAsync(tf, async () =>
            (await fixture.RequestCountsAsync()).GetValueOrDefault("POST /api/v1/ci/dbt_cloud/") >= 1);
        Assert.Contains("Interrupt received", interrupted.Output);
        // A POST the client gave up on would still land within its 2 s.
        await Task.Delay(2500);
        var config = Assert.Single(await fixture.CiConfigsAsync());
        Assert.Equal("dbt Cloud CI", (string?)config["name"]);
        Assert.Equal([(long)config["id"]!], await StateIdsAsync(tf, IntegrationType));
        await AssertLiveEqualsStateAsync(tf, "ctrlc-ci-token-", "ctrlc-ci-job-", "dbt Cloud CI");

        await fixture.ClearFaultsAsync();
        (await tf.ApplyAsync()).Succeeded();
        await AssertExactlyConfiguredAsync(tf, "ctrlc-ci-token-", 1, "ctrlc-ci-job-", 1, "dbt Cloud CI");
    }

    // ---- case 5: unclear outcomes ----

    [Fact]
    public async Task A_commit_answered_503_with_retry_after_is_not_created_twice()
    {
        await fixture.ResetAsync();
        foreach (var path in new[] { TokensPath, JobsPath, CiCreatePath })
            await fixture.AddFaultAsync(new JsonObject
            {
                ["method"] = "POST", ["path_prefix"] = path, ["kind"] = "commit_then_fail", ["status"] = 503, ["retry_after_seconds"] = 1, ["count"] = 1,
            });
        var tf = Workspace("commit-503", Providers() + Tokens("c503-token-", 1) + Jobs("c503-job-", 1) + Integration("c503-token-", "c503-job-"));

        var applied = (await tf.ApplyAsync()).Succeeded();
        await AssertAllFaultsFiredAsync();
        Assert.Contains("3 added, 0 changed, 0 destroyed", applied.Output);
        // The token of the lost answer could not be used (its secret was lost): deleted, and a second one made.
        var deleted = Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 2);
        Assert.Contains(MarkerTag, (string?)deleted["name"]);
        await fixture.ClearFaultsAsync();
        await AssertExactlyConfiguredAsync(tf, "c503-token-", 1, "c503-job-", 1, "dbt Cloud CI");
    }

    [Fact]
    public async Task A_commit_that_outlives_the_attempt_timeout_is_found_and_not_created_twice()
    {
        await fixture.ResetAsync();
        // Each create is committed 2.5 s after it arrives; the provider gives up waiting after 1 s.
        foreach (var path in new[] { TokensPath, JobsPath, CiCreatePath })
            await fixture.AddFaultAsync(new JsonObject
            {
                ["method"] = "POST", ["path_prefix"] = path, ["kind"] = "slow_commit", ["latency_ms"] = 2500, ["count"] = 1,
            });
        var tf = Workspace("slow-commit", Providers("timeout_seconds = 1") + Tokens("slow-token-", 1) + Jobs("slow-job-", 1) + Integration("slow-token-", "slow-job-"));

        var applied = await tf.ApplyAsync();
        await AssertAllFaultsFiredAsync();
        applied.Succeeded();
        await fixture.ClearFaultsAsync();
        await AssertExactlyConfiguredAsync(tf, "slow-token-", 1, "slow-job-", 1, "dbt Cloud CI");
    }

    [Fact]
    public async Task A_look_up_that_fails_a_few_times_is_retried_and_the_commit_found()
    {
        await fixture.ResetAsync();
        // The job's answer is lost as a 500, the token's as a reset; then, with max_retries = 1, four 502s fail the
        // first two look-ups of each. (The CI config's create looks its name up first, so its look-ups are not faulted here.)
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = JobsPath, ["kind"] = "commit_then_fail", ["status"] = 500, ["count"] = 1 });
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = TokensPath, ["kind"] = "commit_then_fail", ["status"] = 0, ["count"] = 1 });
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "GET", ["path_prefix"] = JobsPath, ["kind"] = "status", ["status"] = 502, ["count"] = 4 });
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "GET", ["path_prefix"] = TokensPath, ["kind"] = "status", ["status"] = 502, ["count"] = 4 });
        var tf = Workspace("lookup-fails", Providers("max_retries = 1") + Tokens("lookup-token-", 1) + Jobs("lookup-job-", 1) + Integration("lookup-token-", "lookup-job-"));

        var applied = await tf.ApplyAsync();
        await AssertAllFaultsFiredAsync();
        applied.Succeeded();
        await fixture.ClearFaultsAsync();
        await AssertExactlyConfiguredAsync(tf, "lookup-token-", 1, "lookup-job-", 1, "dbt Cloud CI");
    }

    [Fact]
    public async Task The_last_allowed_post_ending_unclear_is_resolved_too()
    {
        await fixture.ResetAsync();
        // Three POSTs per create at most: two refused with a 500 before anything is stored, then one stored and its answer lost.
        foreach (var path in new[] { JobsPath, TokensPath })
        {
            await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = path, ["kind"] = "status", ["status"] = 500, ["count"] = 2 });
            await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = path, ["kind"] = "commit_then_fail", ["status"] = 500, ["count"] = 1 });
        }
        var tf = Workspace("last-post", Providers() + Tokens("last-token-", 1) + Jobs("last-job-", 1) + Integration("last-token-", "last-job-"));

        var applied = await tf.ApplyAsync();
        await AssertAllFaultsFiredAsync();
        await fixture.ClearFaultsAsync();
        // The job made by the last POST is found and kept. The token made by it cannot be used (its secret was lost) and
        // no POST is left: it is deleted and the apply fails saying so (the integration, which needs it, waits); nothing
        // is left unmanaged.
        applied.Expect(1);
        Assert.Contains("Create failed", applied.Output);
        Assert.Empty(await LiveTokensAsync("last-token-"));
        Assert.Equal(await StateIdsAsync(tf, JobType), (await LiveJobsAsync("last-job-")).Select(Id).ToHashSet());
        Assert.Single(await LiveJobsAsync("last-job-"));

        (await tf.ApplyAsync()).Succeeded();
        await AssertExactlyConfiguredAsync(tf, "last-token-", 1, "last-job-", 1, "dbt Cloud CI");
    }

    // ---- case 6: ownership ----

    [Fact]
    public async Task Another_workspaces_token_and_job_of_the_same_name_made_during_the_window_are_left_alone()
    {
        await fixture.ResetAsync();
        // Each create is stored, then its answer lost; 1.5 s before that, the test (another workspace) makes its own
        // token and job of the same names.
        foreach (var path in new[] { TokensPath, JobsPath })
        {
            await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = path, ["kind"] = "latency", ["latency_ms"] = 1500, ["count"] = 1 });
            await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = path, ["kind"] = "commit_then_fail", ["status"] = 500, ["count"] = 1 });
        }
        var tf = Workspace("ownership", Providers() + Tokens("shared-token-", 1) + Jobs("shared-job-", 1));

        var apply = tf.ApplyAsync();
        await WaitUntilAsync(async () => (await fixture.FaultsAsync()).All(rule => (int?)rule["hits"] == 1), apply);
        var theirToken = (long)(await fixture.DbtCloudAsync(HttpMethod.Post, "/v3/accounts/1/service-tokens/",
            new JsonObject { ["account_id"] = 1, ["name"] = "shared-token-0", ["state"] = 1 }))!["id"]!;
        var theirJob = (long)(await fixture.DbtCloudAsync(HttpMethod.Post, "/v2/accounts/1/jobs/", TheirJob("shared-job-0")))!["id"]!;
        var applied = await apply;
        applied.Succeeded();

        var tokens = await LiveTokensAsync("shared-token-");
        Assert.Equal(2, tokens.Count);
        Assert.Contains(theirToken, tokens.Select(Id));
        Assert.DoesNotContain(theirToken, await StateIdsAsync(tf, TokenType));
        var jobs = await LiveJobsAsync("shared-job-");
        Assert.Equal(2, jobs.Count);
        Assert.Contains(theirJob, jobs.Select(Id));
        Assert.DoesNotContain(theirJob, await StateIdsAsync(tf, JobType));

        await fixture.ClearFaultsAsync();
        (await tf.ApplyAsync()).Succeeded();
        (await tf.PlanAsync()).Expect(0);
        Assert.Equal(tokens.Select(Id).Where(id => id != theirToken).ToHashSet(), await StateIdsAsync(tf, TokenType));
        Assert.Equal(jobs.Select(Id).Where(id => id != theirJob).ToHashSet(), await StateIdsAsync(tf, JobType));
        Assert.Equal(2, (await LiveTokensAsync("shared-token-")).Count);
        Assert.Equal(2, (await LiveJobsAsync("shared-job-")).Count);
    }

    // ---- case 7: the first run ----

    [Theory]
    [InlineData(500, null)]
    [InlineData(503, 1)]
    public async Task The_first_run_whose_answer_is_lost_is_found_among_the_jobs_runs_and_not_started_twice(int status, int? retryAfter)
    {
        await fixture.ResetAsync();
        // After a reset the first job is 3001.
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "POST", ["path_prefix"] = JobsPath + "3001/run/", ["kind"] = "commit_then_fail", ["status"] = status,
            ["retry_after_seconds"] = retryAfter, ["count"] = 1,
        });
        var tf = Workspace($"first-run-{status}", Providers() + Jobs("run-job-", 1, "trigger_run_on_create = true"));

        var applied = (await tf.ApplyAsync()).Succeeded();
        await AssertAllFaultsFiredAsync();
        Assert.DoesNotContain("First run not started", applied.Output);
        var runs = ProviderFixture.Objects(await fixture.StateAsync(), "dbt_cloud", "runs");
        Assert.Equal(3001, (long)Assert.Single(runs)["job_definition_id"]!);
        await fixture.ClearFaultsAsync();
        (await tf.PlanAsync()).Expect(0);
    }

    // ---- issue 17, item 1: kill signals ----

    [Fact]
    public async Task A_sigterm_to_terraform_and_its_provider_during_a_job_create_settles_the_create_and_puts_the_job_into_state()
    {
        await fixture.ResetAsync();
        // The job POST is carried out 3 s after it arrives, whether the client still waits or not.
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = JobsPath, ["kind"] = "slow_commit", ["latency_ms"] = 3000, ["count"] = 1 });
        var tf = Workspace("sigterm", Providers() + Jobs("term-job-", 1));

        // As `timeout -s TERM`, a cancelled CI job or a stopped pod: SIGTERM to terraform and the provider at once.
        var terminated = await ApplySignalledAsync(tf, async () => Posts(await fixture.RequestCountsAsync(), "/jobs/") >= 1, "TERM", processGroup: true);
        await Task.Delay(3500);
        Assert.DoesNotContain("Plugin did not respond", Flat(terminated.Output));
        var job = Assert.Single(await LiveJobsAsync("term-job-"));
        Assert.Equal([Id(job)], await StateIdsAsync(tf, JobType));
        Assert.Equal("term-job-0", (string?)job["name"]);

        await fixture.ClearFaultsAsync();
        (await tf.ApplyAsync()).Succeeded();
        await AssertExactlyConfiguredAsync(tf, "term-job-", 0, "term-job-", 1);
    }

    [Fact]
    public async Task After_a_sigkill_during_creates_the_next_apply_makes_no_twin_and_names_each_object_left_and_what_to_do()
    {
        await fixture.ResetAsync();
        foreach (var path in new[] { TokensPath, JobsPath })
            await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = path, ["kind"] = "slow_commit", ["latency_ms"] = 2000, ["count"] = 1 });
        var tf = Workspace("sigkill", Providers() + Tokens("kill-token-", 1) + Jobs("kill-job-", 1));

        await ApplySignalledAsync(tf, async () =>
        {
            var counts = await fixture.RequestCountsAsync();
            return Posts(counts, "/service-tokens/") >= 1 && Posts(counts, "/jobs/") >= 1;
        }, "KILL", processGroup: true);
        await Task.Delay(2500);
        await fixture.ClearFaultsAsync();
        // The service committed both; nobody is left to remove the markers or to record the objects.
        var job = Assert.Single(await LiveJobsAsync("kill-job-"));
        var token = Assert.Single(await LiveTokensAsync("kill-token-"));
        Assert.Contains(MarkerTag, (string?)job["name"]);
        Assert.Empty(await StateIdsAsync(tf, JobType));

        var next = await tf.ApplyAsync();
        next.Expect(1);
        Assert.Contains("Unfinished create found", Flat(next.Output));
        Assert.Contains($"{Id(job)} named \"{(string?)job["name"]}\"", Flat(next.Output));
        Assert.Contains($"terraform import '{JobType}.<name in your configuration>' {Id(job)}", Flat(next.Output));
        Assert.Contains($"{Id(token)} named \"{(string?)token["name"]}\"", Flat(next.Output));
        Assert.Contains("delete it (the account", Flat(next.Output));
        // No twin of either.
        Assert.Single(await LiveJobsAsync("kill-job-"));
        Assert.Single(await LiveTokensAsync("kill-token-"));

        // Doing what the errors say: the job imported, the token (whose secret was lost) deleted.
        (await tf.RunAsync("import", $"{JobType}.j[0]", Id(job).ToString(System.Globalization.CultureInfo.InvariantCulture))).Succeeded();
        await fixture.DbtCloudAsync(HttpMethod.Delete, $"/v3/accounts/1/service-tokens/{Id(token)}/");
        (await tf.ApplyAsync()).Succeeded();
        await AssertExactlyConfiguredAsync(tf, "kill-token-", 1, "kill-job-", 1);
        Assert.Equal([Id(job)], await StateIdsAsync(tf, JobType));
    }

    // ---- issue 17, item 2: a commit after the look-ups ----

    [Fact]
    public async Task A_create_that_commits_after_the_provider_sent_it_again_is_deleted_by_the_next_refresh_with_a_warning()
    {
        await fixture.ResetAsync();
        // The first job POST is committed 20 s after it arrives: long after the 1 s timeout, the look-ups that follow and
        // the apply (a loaded machine included).
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = JobsPath, ["kind"] = "slow_commit", ["latency_ms"] = 20000, ["count"] = 1 });
        var tf = Workspace("late-commit", Providers("timeout_seconds = 1") + Jobs("late-job-", 1));

        var applied = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("Create sent again", Flat(applied.Output));
        Assert.Contains(MarkerTag, Flat(applied.Output));
        var kept = Assert.Single(await StateIdsAsync(tf, JobType));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await LiveJobsAsync("late-job-")).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the late commit never landed");
            await Task.Delay(200);
        }
        var late = Assert.Single(await LiveJobsAsync("late-job-"), j => Id(j) != kept);
        Assert.Contains(MarkerTag, (string?)late["name"]);

        var plan = await tf.PlanAsync();
        plan.Expect(0);
        Assert.Contains("Late duplicate deleted", Flat(plan.Output));
        Assert.Contains(Id(late).ToString(System.Globalization.CultureInfo.InvariantCulture), Flat(plan.Output));
        await fixture.ClearFaultsAsync();
        await AssertExactlyConfiguredAsync(tf, "late-job-", 0, "late-job-", 1);
    }

    // ---- issue 17, item 3: names near the limit ----

    [Fact]
    public async Task Names_at_the_services_limit_are_created_whole_and_one_character_more_is_refused_at_plan()
    {
        await fixture.ResetAsync();
        var prefix = new string('n', 254);
        var tf = Workspace("name-limit", Providers() + Tokens("t" + prefix[1..], 1) + Jobs("j" + prefix[1..], 1));

        (await tf.ApplyAsync()).Succeeded();
        var token = Assert.Single(await LiveTokensAsync("t" + prefix[1..]));
        var job = Assert.Single(await LiveJobsAsync("j" + prefix[1..]));
        Assert.Equal(255, ((string)token["name"]!).Length);
        Assert.Equal(255, ((string)job["name"]!).Length);
        (await tf.PlanAsync()).Expect(0);

        tf.Runner.WriteConfig(Providers() + Tokens("t" + prefix, 1) + Jobs("j" + prefix[1..], 1));
        var plan = await tf.PlanAsync();
        plan.Expect(1);
        Assert.Contains("must be at most 255 characters", Flat(plan.Output));
        Assert.Contains("got 256", Flat(plan.Output));
        Assert.Single(await LiveTokensAsync("t" + prefix[1..]));
    }

    // ---- issue 17, item 4: Datafold's unique names ----

    [Fact]
    public async Task Two_integrations_of_one_name_make_one_ci_config_and_the_other_fails_naming_it_at_apply_and_then_at_plan()
    {
        await fixture.ResetAsync();
        var integrations = $$"""
            resource "{{IntegrationType}}" "ci" {
              for_each             = toset(["a", "b"])
              name                 = "ci"
              repository_id        = 3
              data_source_id       = 7
              dbt_cloud_account_id = 1
              dbt_cloud_api_token  = {{TokenType}}.t[0].token_string
              artifacts_job_id     = {{JobType}}.j[0].job_id
            }

            """;
        var tf = Workspace("unique-ci", Providers() + Tokens("uci-token-", 1) + Jobs("uci-job-", 1) + integrations);

        var applied = await tf.ApplyAsync();
        applied.Expect(1);
        var config = Assert.Single(await fixture.CiConfigsAsync());
        Assert.Equal("ci", (string?)config["name"]);
        Assert.Equal([Id(config)], await StateIdsAsync(tf, IntegrationType));
        Assert.Matches("same name|already exists|took the name", Flat(applied.Output));

        var again = await tf.ApplyAsync();
        again.Expect(1);
        Assert.Contains("Name already taken", Flat(again.Output));
        Assert.Contains($"CI config {Id(config)} of Datafold organisation", Flat(again.Output));
        Assert.DoesNotContain("answered 409", Flat(again.Output));
        Assert.Single(await fixture.CiConfigsAsync());
    }

    // ---- issue 17, item 5: blank names, a marker that cannot be removed ----

    [Fact]
    public async Task A_blank_name_is_refused_at_plan()
    {
        await fixture.ResetAsync();
        var tf = Workspace("blank-name", Providers() + $$"""
            resource "{{JobType}}" "blank" {
              project_id     = 10
              environment_id = 100
              name           = " "
            }

            """);

        var plan = await tf.PlanAsync();
        plan.Expect(1);
        Assert.Contains("name must not be empty or blank", Flat(plan.Output));
        Assert.Empty(await fixture.JobsAsync());
    }

    [Fact]
    public async Task A_marker_that_cannot_be_removed_is_a_warning_naming_the_object_and_the_next_apply_renames_it()
    {
        await fixture.ResetAsync();
        // After a reset the first job is 3001; its rename (the update that removes the marker) is refused once.
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path"] = JobsPath + "3001/", ["kind"] = "status", ["status"] = 400, ["count"] = 1 });
        var tf = Workspace("marker-kept", Providers() + Jobs("kept-job-", 1));

        var applied = (await tf.ApplyAsync()).Succeeded();
        await AssertAllFaultsFiredAsync();
        Assert.Contains("Create marker not removed", Flat(applied.Output));
        Assert.Contains("job \"kept-job-0\": 3001 was created as a job named \"kept-job-0 [tf-create ", Flat(applied.Output));
        Assert.Equal([3001L], await StateIdsAsync(tf, JobType));

        (await tf.PlanAsync()).Expect(2);
        (await tf.ApplyAsync()).Succeeded();
        await AssertExactlyConfiguredAsync(tf, "kept-job-", 0, "kept-job-", 1);
    }

    // ---- the CI job's create (dbtcloud_ci_job): the same duplicate-safe path ----

    private const string CiJobType = "dbtcloud_ci_job";

    private static string CiJobs(string prefix, int count) => $$"""
        resource "{{CiJobType}}" "pr" {
          count                    = {{count}}
          project_id               = 10
          environment_id           = 100
          deferring_environment_id = 100
          name                     = "{{prefix}}${count.index}"
        }

        """;

    [Fact]
    public async Task A_ctrl_c_during_twenty_five_CI_job_creates_leaves_every_live_CI_job_in_state()
    {
        await fixture.ResetAsync();
        await fixture.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path_prefix"] = "/api/", ["kind"] = "slow_commit", ["latency_ms"] = 300 });
        foreach (var method in new[] { "GET", "PUT", "DELETE" })
            await fixture.AddFaultAsync(new JsonObject { ["method"] = method, ["path_prefix"] = "/api/", ["kind"] = "latency", ["latency_ms"] = 300 });
        var tf = Workspace("ctrlc-ci-jobs", Providers() + CiJobs("ctrlc-pr-", 25));

        var interrupted = await ApplyInterruptedAsync(tf, async () =>
            (await fixture.RequestCountsAsync()).Where(kv => kv.Key.StartsWith("POST ") && kv.Key.EndsWith("/jobs/")).Sum(kv => kv.Value) >= 3);
        Assert.Contains("Interrupt received", interrupted.Output);
        await Task.Delay(1000);
        var inState = await StateIdsAsync(tf, CiJobType);
        // Terraform creates ten at a time: interrupted while the first ten are in flight, the rest never start.
        Assert.True(inState.Count < 25, $"the interrupt came too late to test anything\n{interrupted}");
        Assert.Equal((await LiveJobsAsync("ctrlc-pr-")).Select(Id).Order(), inState.Order());
        Assert.DoesNotContain(await fixture.JobsAsync(), j => (int?)j["state"] == 1 && ((string?)j["name"] ?? "").Contains(MarkerTag));

        await fixture.ClearFaultsAsync();
        (await tf.ApplyAsync()).Succeeded();
        await AssertExactlyTheCiJobsAsync(tf, "ctrlc-pr-", 25);
    }

    /// <summary>
    /// A 5xx after the commit, a timeout after sending (nothing stored: the look-up finds nothing and the create is sent
    /// again), and a commit that lands after the attempt timed out: one CI job each time, in state.
    /// </summary>
    [Theory]
    [InlineData("commit_then_fail", 500, 0)]
    [InlineData("latency", 0, 2500)]
    [InlineData("slow_commit", 0, 2500)]
    public async Task An_unclear_CI_job_create_ends_with_exactly_one_CI_job_in_state(string kind, int status, int latencyMs)
    {
        await fixture.ResetAsync();
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "POST", ["path_prefix"] = JobsPath, ["kind"] = kind, ["status"] = status == 0 ? null : status,
            ["latency_ms"] = latencyMs == 0 ? null : latencyMs, ["count"] = 1,
        });
        var tf = Workspace($"unclear-ci-{kind}", Providers(latencyMs > 0 ? "timeout_seconds = 1" : "") + CiJobs($"unclear-{kind}-", 1));

        var applied = await tf.ApplyAsync();
        await AssertAllFaultsFiredAsync();
        applied.Succeeded();
        // A late commit lands after the provider gave up on the attempt: wait for it before counting.
        await Task.Delay(latencyMs + 500);
        await fixture.ClearFaultsAsync();
        await AssertExactlyTheCiJobsAsync(tf, $"unclear-{kind}-", 1);
    }

    private async Task AssertExactlyTheCiJobsAsync(TerraformCli tf, string prefix, int count)
    {
        (await tf.PlanAsync()).Expect(0);
        var live = await LiveJobsAsync(prefix);
        Assert.Equal(live.Select(Id).Order(), (await StateIdsAsync(tf, CiJobType)).Order());
        Assert.Equal(Enumerable.Range(0, count).Select(i => prefix + i).Order(), live.Select(j => (string)j["name"]!).Order());
        Assert.All(live, j => Assert.Equal("ci", (string?)j["job_type"]));
        Assert.DoesNotContain(await fixture.JobsAsync(), j => (int?)j["state"] == 1 && ((string?)j["name"] ?? "").Contains(MarkerTag));
    }

    // ---- helpers ----

    /// <summary>POSTs the emulator received on the endpoints whose template ends with <paramref name="suffix"/> (counted on arrival).</summary>
    private static int Posts(Dictionary<string, int> counts, string suffix) =>
        counts.Where(kv => kv.Key.StartsWith("POST ", StringComparison.Ordinal) && kv.Key.EndsWith(suffix, StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Terraform's output with its line wrapping and box drawing undone, for sentences of a diagnostic.</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output.Replace('│', ' '), @"\s+", " ");

    private TerraformCli Workspace(string name, string hcl)
    {
        var tf = TerraformCli.InNewDirectory(fixture, name);
        tf.Runner.WriteConfig(hcl);
        return tf;
    }

    /// <summary>Runs apply and sends terraform SIGINT (a user's Ctrl-C) once <paramref name="when"/> holds.</summary>
    private static Task<TerraformResult> ApplyInterruptedAsync(TerraformCli tf, Func<Task<bool>> when) => ApplySignalledAsync(tf, when, "INT", processGroup: false);

    /// <summary>
    /// Runs apply and, once <paramref name="when"/> holds, sends <paramref name="signal"/> with kill(1): to terraform
    /// alone, or (<paramref name="processGroup"/>) to terraform and its provider processes at once, as `timeout`, a
    /// cancelled CI job or a stopped pod do (terraform then runs in a session of its own, started by setsid).
    /// </summary>
    private static async Task<TerraformResult> ApplySignalledAsync(TerraformCli tf, Func<Task<bool>> when, string signal, bool processGroup)
    {
        string[] arguments = ["apply", "-auto-approve", "-no-color"];
        var psi = new ProcessStartInfo(processGroup ? "setsid" : "terraform")
        {
            WorkingDirectory = tf.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (processGroup) psi.ArgumentList.Add("terraform");
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in tf.Runner.Environment)
        {
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("terraform did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            while (!await when())
            {
                if (process.HasExited) throw new Xunit.Sdk.XunitException($"terraform ended before the signal\n{await stdout}\n{await stderr}");
                await Task.Delay(25, timeout.Token);
            }
            // setsid execs terraform in place (a child of this process is no group leader): its pid is the group's id.
            var target = (processGroup ? "-" : "") + process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using (var kill = Process.Start("kill", ["-" + signal, "--", target]))
                await kill.WaitForExitAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"terraform apply did not end after the signal\n{await stdout}\n{await stderr}");
        }
        return new TerraformResult(arguments, process.ExitCode, await stdout, await stderr);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Task<TerraformResult> apply)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!await condition())
        {
            if (apply.IsCompleted) throw new Xunit.Sdk.XunitException($"terraform ended before the window\n{await apply}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the faults never fired");
            await Task.Delay(25);
        }
    }

    private async Task AssertAllFaultsFiredAsync()
    {
        foreach (var rule in await fixture.FaultsAsync())
            Assert.True((int?)rule["hits"] >= 1, $"fault rule never fired: {rule}");
    }

    /// <summary>Every live object of this workspace is in state and every object in state is live; none carries a create marker.</summary>
    private async Task AssertLiveEqualsStateAsync(TerraformCli tf, string tokenPrefix, string jobPrefix, string? ciName)
    {
        var tokens = await LiveTokensAsync(tokenPrefix);
        var jobs = await LiveJobsAsync(jobPrefix);
        Assert.Equal(tokens.Select(Id).Order(), (await StateIdsAsync(tf, TokenType)).Order());
        Assert.Equal(jobs.Select(Id).Order(), (await StateIdsAsync(tf, JobType)).Order());
        Assert.DoesNotContain(tokens.Concat(jobs), o => ((string?)o["name"] ?? "").Contains(MarkerTag));
        // Any other token or job still carrying a marker would be an object of this run left outside state.
        Assert.DoesNotContain(await fixture.JobsAsync(), j => (int?)j["state"] == 1 && ((string?)j["name"] ?? "").Contains(MarkerTag));
        Assert.DoesNotContain(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1 && ((string?)t["name"] ?? "").Contains(MarkerTag));
        if (ciName is not null)
        {
            var configs = await fixture.CiConfigsAsync();
            Assert.Equal(configs.Select(Id).Order(), (await StateIdsAsync(tf, IntegrationType)).Order());
            Assert.All(configs, c => Assert.Equal(ciName, (string?)c["name"]));
        }
    }

    /// <summary>After a clean apply: exactly the configured objects, each in state, names as configured, and an empty plan.</summary>
    private async Task AssertExactlyConfiguredAsync(TerraformCli tf, string tokenPrefix, int tokens, string jobPrefix, int jobs, string? ciName = null)
    {
        (await tf.PlanAsync()).Expect(0);
        await AssertLiveEqualsStateAsync(tf, tokenPrefix, jobPrefix, ciName);
        Assert.Equal(Enumerable.Range(0, tokens).Select(i => tokenPrefix + i).Order(), (await LiveTokensAsync(tokenPrefix)).Select(t => (string)t["name"]!).Order());
        Assert.Equal(Enumerable.Range(0, jobs).Select(i => jobPrefix + i).Order(), (await LiveJobsAsync(jobPrefix)).Select(j => (string)j["name"]!).Order());
        Assert.Equal(ciName is null ? 0 : 1, (await fixture.CiConfigsAsync()).Count);
    }

    private async Task<List<JsonObject>> LiveTokensAsync(string prefix) =>
        (await fixture.ServiceTokensAsync()).Where(t => (int?)t["state"] == 1 && ((string?)t["name"] ?? "").StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private async Task<List<JsonObject>> LiveJobsAsync(string prefix) =>
        (await fixture.JobsAsync()).Where(j => (int?)j["state"] == 1 && ((string?)j["name"] ?? "").StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static long Id(JsonObject o) => o["id"]!.GetValue<long>();

    /// <summary>The ids of every instance of <paramref name="type"/> in state (tainted ones included).</summary>
    private static async Task<HashSet<long>> StateIdsAsync(TerraformCli tf, string type)
    {
        var path = Path.Combine(tf.WorkingDirectory, "terraform.tfstate");
        // A terraform killed while it held the state lock leaves an empty state file.
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return [];
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return state.RootElement.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == type)
            .SelectMany(r => r.GetProperty("instances").EnumerateArray())
            .Select(i => long.Parse(i.GetProperty("attributes").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    private static JsonObject TheirJob(string name) => new()
    {
        ["id"] = null, ["account_id"] = 1, ["project_id"] = 10, ["environment_id"] = 100, ["name"] = name,
        ["execute_steps"] = new JsonArray("dbt compile"), ["settings"] = new JsonObject { ["threads"] = 1, ["target_name"] = "default" },
        ["state"] = 1, ["triggers"] = new JsonObject { ["github_webhook"] = false, ["git_provider_webhook"] = false, ["schedule"] = false, ["on_merge"] = false },
        ["schedule"] = new JsonObject
        {
            ["date"] = new JsonObject { ["type"] = "custom_cron", ["cron"] = "0 * * * *" },
            ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
        },
    };
}
