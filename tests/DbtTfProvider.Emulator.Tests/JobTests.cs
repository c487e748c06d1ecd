using System.Net;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

public sealed class JobTests : EmulatorTestBase
{
    private const string JobsPath = "/v2/accounts/1/jobs/";

    private async Task<Answer> CreateWith(Action<JsonObject> change)
    {
        var job = Jobs.Artifacts();
        change(job);
        return await Dbt(HttpMethod.Post, JobsPath, job);
    }

    [Fact]
    public async Task Create_fills_id_effective_cron_timestamps_and_read_only_extras()
    {
        var created = await CreateWith(job =>
        {
            job.Remove("job_type");
            job["schedule"]!["cron"] = "this is ignored";
            job["schedule"]!["date"]!["cron"] = "30 */2 * * 1-5";
        });
        var read = await Dbt(HttpMethod.Get, $"{JobsPath}{(int)created.Data["id"]!}/");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        var job = read.Data;
        Assert.Equal("30 */2 * * 1-5", (string)job["schedule"]!["cron"]!);
        Assert.Equal("scheduled", (string)job["job_type"]!);
        Assert.Equal(["dbt compile"], job["execute_steps"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(4, (int)job["settings"]!["threads"]!);
        Assert.NotNull(job["created_at"]);
        Assert.NotNull(job["updated_at"]);
        Assert.NotNull(job["next_run"]);
        Assert.True(job.AsObject().ContainsKey("is_deferrable"));
        Assert.True(job.AsObject().ContainsKey("lifecycle"));
        Assert.False(job.AsObject().ContainsKey("environment"));
        var withEnvironment = await Dbt(HttpMethod.Get, $"{JobsPath}{(int)created.Data["id"]!}/?include_related=environment");
        Assert.Equal(100, (int)withEnvironment.Data["environment"]!["id"]!);
    }

    [Theory]
    [InlineData(false, false, true, "scheduled")]
    [InlineData(true, false, true, "ci")]
    [InlineData(false, true, false, "merge")]
    [InlineData(false, false, false, "other")]
    public async Task The_job_type_is_inferred_from_the_triggers_when_omitted(bool webhook, bool onMerge, bool schedule, string expected)
    {
        var created = await CreateWith(job =>
        {
            job.Remove("job_type");
            job["triggers"] = new JsonObject { ["git_provider_webhook"] = webhook, ["on_merge"] = onMerge, ["schedule"] = schedule };
        });

        Assert.Equal(expected, (string)created.Data["job_type"]!);
    }

    [Theory]
    [InlineData("every_day", null, "every_hour", 3, null, "0 */3 * * *")]
    [InlineData("days_of_week", new[] { 5, 1 }, "at_exact_hours", null, new[] { 6, 2 }, "0 2,6 * * 1,5")]
    public async Task The_effective_cron_follows_date_and_time(string dateType, int[]? days, string timeType, int? interval, int[]? hours, string expected)
    {
        var created = await CreateWith(job => job["schedule"] = new JsonObject
        {
            ["date"] = days is null
                ? new JsonObject { ["type"] = dateType }
                : new JsonObject { ["type"] = dateType, ["days"] = new JsonArray(days.Select(d => (JsonNode)d).ToArray()) },
            ["time"] = hours is null
                ? new JsonObject { ["type"] = timeType, ["interval"] = interval }
                : new JsonObject { ["type"] = timeType, ["hours"] = new JsonArray(hours.Select(h => (JsonNode)h).ToArray()) },
        });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(expected, (string)created.Data["schedule"]!["cron"]!);
    }

    [Fact]
    public async Task A_missing_schedule_key_is_reported_where_it_is_missing()
    {
        var answer = await CreateWith(job => job["schedule"]!["time"] = new JsonObject { ["type"] = "every_hour" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"schedule": {"time": {"interval": "required key not provided"}}}"""),
            answer.Data), answer.ToString());
    }

    [Fact]
    public async Task At_exact_hours_rejects_an_interval()
    {
        var answer = await CreateWith(job => job["schedule"]!["time"] = new JsonObject
        {
            ["type"] = "at_exact_hours",
            ["hours"] = new JsonArray(1, 13),
            ["interval"] = 1,
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("extra keys not allowed", (string)answer.Data["schedule"]!["time"]!["interval"]!);
    }

    [Theory]
    [InlineData("0 * * * * *")]
    [InlineData("61 * * * *")]
    [InlineData("0 * * *")]
    [InlineData("every hour")]
    [InlineData("0 0 31 2 *")]
    [InlineData("0 0 15W * *")]
    [InlineData("0 0 * * 5#2")]
    [InlineData("0 0 ? * 1")]
    [InlineData("0 0 * * 5L")]
    [InlineData("0 0 L-2 * *")]
    public async Task An_invalid_cron_is_a_400_at_schedule_date_cron(string cron)
    {
        var answer = await CreateWith(job => job["schedule"]!["date"]!["cron"] = cron);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var reason = (string)answer.Data["schedule"]!["date"]!["cron"]!;
        Assert.Contains("cron", reason);
        Assert.Single(answer.Data.AsObject());
    }

    [Theory]
    [InlineData(10, 102, "environment_id")] // a deleted environment of an active project
    [InlineData(12, 120, "project_id")]     // a deleted project
    public async Task A_job_in_a_deleted_project_or_environment_is_a_400(int projectId, int environmentId, string field)
    {
        var answer = await CreateWith(job => (job["project_id"], job["environment_id"]) = (projectId, environmentId));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("does not exist", (string)answer.Data[field]!);
    }

    [Theory]
    [InlineData("0 0 L * *")]
    [InlineData("0 0 L 7 *")]
    [InlineData("0 0 29 2 *")]
    public async Task The_last_day_of_the_month_and_a_leap_day_are_schedules(string cron)
    {
        var answer = await CreateWith(job => job["schedule"]!["date"]!["cron"] = cron);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Execute_steps_must_be_non_empty_and_start_with_dbt()
    {
        var empty = await CreateWith(job => job["execute_steps"] = new JsonArray());
        var notDbt = await CreateWith(job => job["execute_steps"] = new JsonArray("dbt compile", "rm -rf /"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.NotNull((string?)empty.Data["execute_steps"]);
        Assert.Equal(HttpStatusCode.BadRequest, notDbt.Status);
        var steps = notDbt.Data["execute_steps"]!.AsArray();
        Assert.Null(steps[0]);
        Assert.Contains("dbt ", (string)steps[1]!);
    }

    [Fact]
    public async Task Types_are_checked_and_every_failure_is_reported_at_once()
    {
        var answer = await CreateWith(job =>
        {
            job["project_id"] = "10";
            job["generate_docs"] = null;
            job["settings"]!["threads"] = 1.5;
            job.Remove("name");
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("expected int", (string)answer.Data["project_id"]!);
        Assert.Equal("expected bool", (string)answer.Data["generate_docs"]!);
        Assert.Equal("expected int", (string)answer.Data["settings"]!["threads"]!);
        Assert.Equal("required key not provided", (string)answer.Data["name"]!);
    }

    [Fact]
    public async Task A_CI_job_defers_to_an_environment_of_its_own_project_only()
    {
        static void Ci(JsonObject job, int deferTo)
        {
            job["job_type"] = "ci";
            job["triggers"] = new JsonObject { ["schedule"] = false, ["github_webhook"] = true, ["git_provider_webhook"] = true };
            job["deferring_environment_id"] = deferTo;
        }

        var other = await CreateWith(job => Ci(job, 110));
        var own = await CreateWith(job => Ci(job, 100));

        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Contains("Environment 110 does not belong to project 10", other.UserMessage);
        Assert.NotNull(other.Data["deferring_environment_id"]);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(100, (int)own.Data["deferring_environment_id"]!);
        Assert.Equal("ci", (string)own.Data["job_type"]!);
    }

    private static JsonObject RunAfter(int jobId, int projectId, params int[] statuses) => new()
    {
        ["condition"] = new JsonObject
        {
            ["job_id"] = jobId, ["project_id"] = projectId, ["statuses"] = new JsonArray(statuses.Select(s => (JsonNode)s).ToArray()),
        },
    };

    [Fact]
    public async Task A_job_completion_trigger_names_an_existing_deploy_job_of_any_project_by_its_own_project()
    {
        var upstream = (int)(await CreateWith(job => { job["project_id"] = 11; job["environment_id"] = 110; })).Data["id"]!;
        var ci = (int)(await CreateWith(job =>
        {
            job["job_type"] = "ci";
            job["triggers"] = new JsonObject { ["schedule"] = false, ["github_webhook"] = true, ["git_provider_webhook"] = true };
        })).Data["id"]!;

        var missing = await CreateWith(job => job["job_completion_trigger_condition"] = RunAfter(999, 10, 10));
        var wrongProject = await CreateWith(job => job["job_completion_trigger_condition"] = RunAfter(upstream, 10, 10));
        var afterCi = await CreateWith(job => job["job_completion_trigger_condition"] = RunAfter(ci, 10, 10));
        var badStatus = await CreateWith(job => job["job_completion_trigger_condition"] = RunAfter(upstream, 11, 10, 3));
        var accepted = await CreateWith(job => job["job_completion_trigger_condition"] = RunAfter(upstream, 11, 10, 20));

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("Job 999 does not exist in account 1", missing.UserMessage);
        Assert.NotNull(missing.Data["job_completion_trigger_condition"]!["condition"]!["job_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongProject.Status);
        Assert.Contains($"Job {upstream} belongs to project 11, not 10", wrongProject.UserMessage);
        Assert.Equal(HttpStatusCode.BadRequest, afterCi.Status);
        Assert.Contains("is a CI job", afterCi.UserMessage);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.Status);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        var condition = accepted.Data["job_completion_trigger_condition"]!["condition"]!;
        Assert.Equal(upstream, (int)condition["job_id"]!);
        Assert.Equal(11, (int)condition["project_id"]!);
        Assert.Equal([10, 20], condition["statuses"]!.AsArray().Select(n => (int)n!));
    }

    [Fact]
    public async Task The_environment_must_belong_to_the_project()
    {
        var answer = await CreateWith(job => job["environment_id"] = 110);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("Environment 110 does not belong to project 10", answer.UserMessage);
        Assert.NotNull(answer.Data["environment_id"]);
    }

    [Fact]
    public async Task A_project_of_another_account_is_refused()
    {
        var answer = await CreateWith(job =>
        {
            job["project_id"] = 20;
            job["environment_id"] = 200;
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("Project 20", answer.UserMessage);
    }

    [Fact]
    public async Task Update_replaces_the_whole_object_and_refuses_a_move_to_another_project()
    {
        var id = await CreateJob();
        var read = await Dbt(HttpMethod.Get, $"{JobsPath}{id}/");
        var changed = Jobs.Artifacts();
        changed["name"] = "Renamed";
        changed["schedule"]!["date"]!["cron"] = "15 3 * * *";
        changed.Remove("generate_docs");
        changed["description"] = "kept";

        var updated = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", changed);
        var moved = Jobs.Artifacts(project: 11, environment: 110);
        var move = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", moved);

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(id, (int)updated.Data["id"]!);
        Assert.Equal("Renamed", (string)updated.Data["name"]!);
        Assert.Equal("15 3 * * *", (string)updated.Data["schedule"]!["cron"]!);
        Assert.Equal((string)read.Data["created_at"]!, (string)updated.Data["created_at"]!);
        Assert.Equal(HttpStatusCode.BadRequest, move.Status);
        Assert.Contains("another project", move.UserMessage);
    }

    [Fact]
    public async Task A_deleted_job_answers_404()
    {
        var id = await CreateJob();

        var deleted = await Dbt(HttpMethod.Delete, $"{JobsPath}{id}/");
        var read = await Dbt(HttpMethod.Get, $"{JobsPath}{id}/");
        var update = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", Jobs.Artifacts());

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(2, (int)deleted.Data["state"]!);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.Equal(HttpStatusCode.NotFound, update.Status);
    }

    [Fact]
    public async Task An_update_with_state_2_deletes_the_job()
    {
        var id = await CreateJob();
        var job = Jobs.Artifacts();
        job["state"] = 2;

        var updated = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", job);
        var read = await Dbt(HttpMethod.Get, $"{JobsPath}{id}/");

        Assert.Equal(2, (int)updated.Data["state"]!);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
    }

    [Fact]
    public async Task A_job_of_another_account_is_404_even_for_a_token_that_sees_both()
    {
        var otherAccountJob = await CreateJob(Jobs.Artifacts(project: 20, environment: 200, account: 2), account: 2);

        var read = await Dbt(HttpMethod.Get, $"{JobsPath}{otherAccountJob}/");
        var ownRead = await Dbt(HttpMethod.Get, $"/v2/accounts/2/jobs/{otherAccountJob}/");

        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.Contains("permission", read.UserMessage);
        Assert.Equal(HttpStatusCode.OK, ownRead.Status);
    }

    [Fact]
    public async Task The_list_filters_by_project_environment_and_name_and_pages()
    {
        await CreateJob(Jobs.Artifacts(name: "Datafold artifacts"));
        await CreateJob(Jobs.Artifacts(name: "Nightly build", environment: 101));
        await CreateJob(Jobs.Artifacts(project: 11, environment: 110, name: "Marketing DATAFOLD artifacts"));
        var deleted = await CreateJob(Jobs.Artifacts(name: "Old datafold job"));
        await Dbt(HttpMethod.Delete, $"{JobsPath}{deleted}/");

        var byName = await Dbt(HttpMethod.Get, $"{JobsPath}?name__icontains=datafold");
        var byProject = await Dbt(HttpMethod.Get, $"{JobsPath}?project_id=10&name__icontains=datafold");
        var byEnvironment = await Dbt(HttpMethod.Get, $"{JobsPath}?environment_id=101");
        var page = await Dbt(HttpMethod.Get, $"{JobsPath}?offset=1&limit=1");
        var tooBig = await Dbt(HttpMethod.Get, $"{JobsPath}?limit=500");
        var notANumber = await Dbt(HttpMethod.Get, $"{JobsPath}?project_id=ten");

        static IEnumerable<string> Names(Answer a) => a.Data.AsArray().Select(j => (string)j!["name"]!);
        Assert.Equal(["Datafold artifacts", "Marketing DATAFOLD artifacts"], Names(byName));
        Assert.Equal(["Datafold artifacts"], Names(byProject));
        Assert.Equal(["Nightly build"], Names(byEnvironment));
        Assert.Equal(["Nightly build"], Names(page));
        Assert.Equal(3, (int)page.Body!["extra"]!["pagination"]!["total_count"]!);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.Status);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.Equal("expected int", (string)notANumber.Data["project_id"]!);
    }

    [Fact]
    public async Task A_triggered_run_is_queued_then_succeeds()
    {
        var id = await CreateJob();

        var triggered = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/run/", new JsonObject { ["cause"] = "Triggered by Terraform" });
        var runId = (int)triggered.Data["id"]!;
        var status = await Dbt(HttpMethod.Get, $"/v2/accounts/1/runs/{runId}/");
        var otherAccount = await Dbt(HttpMethod.Get, $"/v2/accounts/2/runs/{runId}/");

        Assert.Equal(HttpStatusCode.OK, triggered.Status);
        Assert.Equal(1, (int)triggered.Data["status"]!);
        Assert.Equal(id, (int)triggered.Data["job_definition_id"]!);
        Assert.Equal(10, (int)status.Data["status"]!);
        Assert.True((bool)status.Data["is_complete"]!);
        Assert.Equal(HttpStatusCode.NotFound, otherAccount.Status);
    }

    [Fact]
    public async Task A_job_read_back_and_sent_whole_is_refused_for_its_read_only_fields()
    {
        var id = await CreateJob();
        var read = (await Dbt(HttpMethod.Get, $"{JobsPath}{id}/")).Data.AsObject();
        read["name"] = "renamed";

        var sentBack = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", read.DeepClone());
        var requestFieldsOnly = Jobs.Artifacts(name: "renamed");
        var updated = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", requestFieldsOnly);

        Assert.Equal(HttpStatusCode.BadRequest, sentBack.Status);
        var reason = (string?)sentBack.Data;
        Assert.StartsWith("Additional properties are not allowed (", reason);
        Assert.Contains("'cron_humanized'", reason);
        Assert.Contains("'next_run'", reason);
        Assert.Contains("'created_at'", reason);
        Assert.EndsWith(" were unexpected)", reason);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("renamed", (string)updated.Data["name"]!);
    }

    [Theory]
    [InlineData("settings", "max_threads")]
    [InlineData("execution", "timeout_minutes")]
    [InlineData("triggers", "on_pull_request")]
    [InlineData("schedule", "cron_humanized")]
    public async Task Nested_objects_are_strict(string objectName, string extraKey)
    {
        var created = await CreateWith(job => job[objectName]![extraKey] = 1);
        var deeper = await CreateWith(job => job["schedule"]!["time"]!["next_run"] = "soon");

        Assert.Equal(HttpStatusCode.BadRequest, created.Status);
        Assert.Equal("extra keys not allowed", (string?)created.Data[objectName]![extraKey]);
        Assert.Equal("extra keys not allowed", (string?)deeper.Data["schedule"]!["time"]!["next_run"]);
    }

    [Fact]
    public async Task State_aware_orchestration_fields_are_refused_on_CI_and_merge_jobs_with_405()
    {
        var id = await CreateJob();
        var scheduled = (await Dbt(HttpMethod.Get, $"{JobsPath}{id}/")).Data;
        var toMerge = Jobs.Artifacts();
        toMerge["triggers"] = new JsonObject { ["schedule"] = false, ["on_merge"] = true };
        toMerge["job_type"] = "merge";
        // What a client that sends back the read value does.
        toMerge["force_node_selection"] = scheduled["force_node_selection"]!.DeepClone();

        var refused = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", toMerge);
        toMerge["force_node_selection"] = null;
        toMerge["cost_optimization_features"] = new JsonArray("state_aware_orchestration");
        var featureRefused = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", toMerge);
        toMerge.Remove("force_node_selection");
        toMerge["cost_optimization_features"] = new JsonArray("dbt_state");
        var dbtState = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", toMerge);
        toMerge.Remove("cost_optimization_features");
        var merged = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", toMerge);

        Assert.True((bool)scheduled["force_node_selection"]!);
        Assert.Equal((HttpStatusCode)405, refused.Status);
        Assert.Equal("State aware orchestration is not available for CI or Merge jobs", refused.UserMessage);
        Assert.Equal((HttpStatusCode)405, featureRefused.Status);
        Assert.Equal(HttpStatusCode.OK, dbtState.Status);
        Assert.Equal(HttpStatusCode.OK, merged.Status);
        Assert.Equal("merge", (string)merged.Data["job_type"]!);
        Assert.Null(merged.Data["force_node_selection"]);
    }

    [Theory]
    [InlineData(true, false, false, "schedule")]
    [InlineData(false, true, false, "github_webhook")]
    [InlineData(true, false, true, "schedule and git_provider_webhook")]
    public async Task A_merge_job_runs_on_merge_alone(bool schedule, bool githubWebhook, bool gitProviderWebhook, string named)
    {
        var created = await CreateWith(job =>
        {
            job.Remove("job_type");
            job["triggers"] = new JsonObject
            {
                ["schedule"] = schedule, ["github_webhook"] = githubWebhook, ["git_provider_webhook"] = gitProviderWebhook, ["on_merge"] = true,
            };
        });

        Assert.Equal(HttpStatusCode.BadRequest, created.Status);
        Assert.Contains($"with on_merge true, {named} must be false", created.UserMessage);
        Assert.NotNull(created.Data["triggers"]!["on_merge"]);
        Assert.Empty((await StateDump())["dbt_cloud"]!["jobs"]!.AsArray());
    }

    [Theory]
    [InlineData("ci", "scheduled")]
    [InlineData("ci", "merge")]
    [InlineData("adaptive", "other")]
    [InlineData("exposure_sync", "scheduled")]
    [InlineData("hybrid", "other")]
    public async Task A_CI_or_adaptive_job_keeps_its_type(string kept, string wanted)
    {
        var id = await CreateWith(job =>
        {
            job["job_type"] = kept;
            job["triggers"] = new JsonObject { ["schedule"] = false, ["git_provider_webhook"] = kept == "ci" };
        });
        var jobId = (int)id.Data["id"]!;
        var change = Jobs.Artifacts();
        change["job_type"] = wanted;
        change["triggers"] = new JsonObject { ["schedule"] = wanted == "scheduled", ["on_merge"] = wanted == "merge" };
        var same = Jobs.Artifacts(name: "renamed");
        same["job_type"] = kept;
        same["triggers"] = new JsonObject { ["schedule"] = false, ["git_provider_webhook"] = kept == "ci" };

        var refused = await Dbt(HttpMethod.Post, $"{JobsPath}{jobId}/", change);
        var renamed = await Dbt(HttpMethod.Post, $"{JobsPath}{jobId}/", same);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal($"the job type field for this job can only be set to '{kept}'", refused.UserMessage);
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(kept, (string)renamed.Data["job_type"]!);
    }

    [Fact]
    public async Task Scheduled_and_other_jobs_move_between_types_freely()
    {
        var id = await CreateJob();
        var merge = Jobs.Artifacts();
        merge["job_type"] = "merge";
        merge["triggers"] = new JsonObject { ["schedule"] = false, ["on_merge"] = true };
        var other = Jobs.Artifacts();
        other["job_type"] = "other";
        other["triggers"] = new JsonObject { ["schedule"] = false };

        var toMerge = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", merge);
        var toOther = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", other);
        var back = await Dbt(HttpMethod.Post, $"{JobsPath}{id}/", Jobs.Artifacts());

        Assert.Equal("merge", (string)toMerge.Data["job_type"]!);
        Assert.Equal("other", (string)toOther.Data["job_type"]!);
        Assert.Equal("scheduled", (string)back.Data["job_type"]!);
    }

    [Fact]
    public async Task Runs_are_listed_per_job_with_their_cause()
    {
        var first = await CreateJob();
        var second = await CreateJob();
        await Dbt(HttpMethod.Post, $"{JobsPath}{first}/run/", new JsonObject { ["cause"] = "one" });
        await Dbt(HttpMethod.Post, $"{JobsPath}{second}/run/", new JsonObject { ["cause"] = "two" });
        await Dbt(HttpMethod.Post, $"{JobsPath}{first}/run/", new JsonObject { ["cause"] = "three" });

        var ofFirst = await Dbt(HttpMethod.Get, $"/v2/accounts/1/runs/?job_definition_id={first}");
        var all = await Dbt(HttpMethod.Get, "/v2/accounts/1/runs/?order_by=-id&limit=2");
        var otherAccount = await Dbt(HttpMethod.Get, $"/v2/accounts/2/runs/?job_definition_id={first}");

        Assert.Equal(HttpStatusCode.OK, ofFirst.Status);
        Assert.Equal(["one", "three"], ofFirst.Data.AsArray().Select(r => (string)r!["cause"]!));
        Assert.Equal(["three", "two"], all.Data.AsArray().Select(r => (string)r!["cause"]!));
        Assert.Equal(3, (int)all.Body!["extra"]!["pagination"]!["total_count"]!);
        Assert.Empty(otherAccount.Data.AsArray());
    }

    [Fact]
    public async Task A_job_name_of_more_than_255_characters_is_refused()
    {
        var atLimit = await Dbt(HttpMethod.Post, JobsPath, Jobs.Artifacts(name: new string('j', 255)));
        var tooLong = await Dbt(HttpMethod.Post, JobsPath, Jobs.Artifacts(name: new string('j', 256)));

        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("length of value must be at most 255", tooLong.Body!.ToJsonString());
    }
}
