using System.Net;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

/// <summary>The state dump, reset and out-of-band edits that the end-to-end tests rely on.</summary>
public sealed class AdminTests : EmulatorTestBase
{
    [Fact]
    public async Task The_dump_holds_seed_and_created_objects_sorted_by_id_with_secrets()
    {
        var (tokenId, secret) = await CreateServiceToken();
        var firstJob = await CreateJob();
        var secondJob = await CreateJob(Jobs.Artifacts(name: "second"));
        await Dbt(HttpMethod.Delete, $"/v2/accounts/1/jobs/{firstJob}/");
        var ci = await Datafold(HttpMethod.Post, "/api/v1/ci/dbt_cloud/", CiConfigs.DbtCloud(secret, secondJob));

        var dump = await StateDump();

        var dbt = dump["dbt_cloud"]!;
        Assert.Equal([1, 2], dbt["accounts"]!.AsArray().Select(a => (int)a!["id"]!));
        // Issue 17 item 11 added deleted namesakes to the seed: projects 12 and 13, environments 102, 103 and 120.
        Assert.Equal([10, 11, 12, 13, 20], dbt["projects"]!.AsArray().Select(p => (int)p!["id"]!));
        Assert.Equal([100, 101, 102, 103, 110, 120, 200], dbt["environments"]!.AsArray().Select(e => (int)e!["id"]!));
        var token = dbt["service_tokens"]!.AsArray().Single()!;
        Assert.Equal(tokenId, (int)token["id"]!);
        Assert.Equal(secret, (string)token["token_string"]!);
        Assert.Equal("member", (string)token["grants"]![0]!["permission_set"]!);
        Assert.Equal([firstJob, secondJob], dbt["jobs"]!.AsArray().Select(j => (int)j!["id"]!));
        Assert.Equal([2, 1], dbt["jobs"]!.AsArray().Select(j => (int)j!["state"]!));
        var config = dump["datafold"]!["ci_configs"]!.AsArray().Single()!;
        Assert.Equal((int)ci.Body!["id"]!, (int)config["id"]!);
        Assert.Equal(secret, (string)config["dbt_cloud"]!["api_key"]!);
        Assert.Equal([3, 4], dump["datafold"]!["repositories"]!.AsArray().Select(r => (int)r!["id"]!));
    }

    [Fact]
    public async Task The_dump_lists_each_user_agent_the_api_saw_once_until_a_reset()
    {
        Http.DefaultRequestHeaders.UserAgent.ParseAdd("dbt-tf-provider/9.9.9 terraform/1.11.4");
        await Dbt(HttpMethod.Get, "/v2/accounts/");
        await Dbt(HttpMethod.Get, "/v2/accounts/1/jobs/");
        var seen = (await StateDump())["user_agents"]!.AsArray().Select(a => (string)a!).ToList();
        await Admin(HttpMethod.Post, "/reset", new JsonObject());
        var afterReset = (await StateDump())["user_agents"]!.AsArray();

        Assert.Equal(["dbt-tf-provider/9.9.9 terraform/1.11.4"], seen);
        Assert.Empty(afterReset);
    }

    [Fact]
    public async Task Requests_are_counted_per_method_and_route_template()
    {
        var (tokenId, _) = await CreateServiceToken();
        await Dbt(HttpMethod.Get, $"/v3/accounts/1/service-tokens/{tokenId}/");
        await Dbt(HttpMethod.Get, $"/v3/accounts/1/service-tokens/{tokenId}/");
        await Dbt(HttpMethod.Get, "/v3/accounts/1/service-tokens/424242/");
        await Datafold(HttpMethod.Get, "/api/v1/ci/7/");

        var requests = (await StateDump())["requests"]!.AsObject();

        Assert.Equal(3, (int)requests["GET /api/v3/accounts/{account_id}/service-tokens/{id}/"]!);
        Assert.Equal(1, (int)requests["POST /api/v3/accounts/{account_id}/service-tokens/"]!);
        Assert.Equal(1, (int)requests["POST /api/v3/accounts/{account_id}/service-tokens/{id}/permissions/"]!);
        Assert.Equal(1, (int)requests["GET /api/v1/ci/{id}/"]!);
        Assert.DoesNotContain(requests, r => r.Key.Contains("_emulator"));
        Assert.Equal(requests.Select(r => r.Key).Order(StringComparer.Ordinal), requests.Select(r => r.Key));
    }

    [Fact]
    public async Task Reset_returns_to_the_seed()
    {
        await CreateServiceToken();
        await CreateJob();

        var reset = await Admin(HttpMethod.Post, "/reset");
        var dump = await StateDump();
        var (tokenId, _) = await CreateServiceToken();

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Empty(dump["dbt_cloud"]!["service_tokens"]!.AsArray());
        Assert.Empty(dump["dbt_cloud"]!["jobs"]!.AsArray());
        Assert.Empty(dump["requests"]!.AsObject());
        Assert.Equal(2, dump["dbt_cloud"]!["accounts"]!.AsArray().Count);
        Assert.Equal(1001, tokenId);
    }

    [Fact]
    public async Task An_out_of_band_job_edit_is_deep_merged_and_seen_by_the_API()
    {
        var id = await CreateJob();

        var patched = await Admin(HttpMethod.Patch, $"/dbtcloud/jobs/{id}", JsonNode.Parse("""
            {"name": "Edited in the UI", "settings": {"threads": 8}, "schedule": {"date": {"cron": "30 2 * * *"}}, "triggers": {"schedule": false}}
            """));
        var read = await Dbt(HttpMethod.Get, $"/v2/accounts/1/jobs/{id}/");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("Edited in the UI", (string)read.Data["name"]!);
        Assert.Equal(8, (int)read.Data["settings"]!["threads"]!);
        Assert.Equal("default", (string)read.Data["settings"]!["target_name"]!);
        Assert.Equal("30 2 * * *", (string)read.Data["schedule"]!["date"]!["cron"]!);
        Assert.Equal("30 2 * * *", (string)read.Data["schedule"]!["cron"]!);
        Assert.False((bool)read.Data["triggers"]!["schedule"]!);
        Assert.True((bool)read.Data["triggers"]!["github_webhook"]! == false);
    }

    [Fact]
    public async Task Out_of_band_deletes_look_like_deletes_through_the_API()
    {
        var (tokenId, secret) = await CreateServiceToken();
        var jobId = await CreateJob();

        var deletedJob = await Admin(HttpMethod.Delete, $"/dbtcloud/jobs/{jobId}");
        var deletedToken = await Admin(HttpMethod.Delete, $"/dbtcloud/service-tokens/{tokenId}");
        var job = await Dbt(HttpMethod.Get, $"/v2/accounts/1/jobs/{jobId}/");
        var token = await Dbt(HttpMethod.Get, $"/v3/accounts/1/service-tokens/{tokenId}/");
        var asCredential = await Dbt(HttpMethod.Get, "/v2/accounts/", token: secret);
        var unknown = await Admin(HttpMethod.Delete, "/dbtcloud/jobs/999999");

        Assert.Equal(HttpStatusCode.OK, deletedJob.Status);
        Assert.Equal(HttpStatusCode.OK, deletedToken.Status);
        Assert.Equal(HttpStatusCode.NotFound, job.Status);
        Assert.Equal(2, (int)token.Data["state"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, asCredential.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task An_out_of_band_token_rename_shows_in_reads()
    {
        var (tokenId, _) = await CreateServiceToken();

        await Admin(HttpMethod.Patch, $"/dbtcloud/service-tokens/{tokenId}", new JsonObject { ["name"] = "renamed in UI" });
        var read = await Dbt(HttpMethod.Get, $"/v3/accounts/1/service-tokens/{tokenId}/");
        var grants = await Dbt(HttpMethod.Get, $"/v3/accounts/1/service-tokens/{tokenId}/permissions/");

        Assert.Equal("renamed in UI", (string)read.Data["name"]!);
        Assert.Single(grants.Data.AsArray());
    }

    [Fact]
    public async Task Out_of_band_CI_config_edits_and_deletes_show_through_the_API()
    {
        var (_, key) = await CreateServiceToken();
        var job = await CreateJob();
        var other = await CreateJob(Jobs.Artifacts(name: "other"));
        var id = (int)(await Datafold(HttpMethod.Post, "/api/v1/ci/dbt_cloud/", CiConfigs.DbtCloud(key, job))).Body!["id"]!;

        await Admin(HttpMethod.Patch, $"/datafold/ci/{id}", JsonNode.Parse($$$"""
            {"slim_diff": true, "files_to_ignore": ["a/**"], "dbt_cloud": {"artifacts_job_id": {{{other}}}}}
            """));
        var edited = await Datafold(HttpMethod.Get, $"/api/v1/ci/{id}/");
        await Admin(HttpMethod.Delete, $"/datafold/ci/{id}");
        var deleted = await Datafold(HttpMethod.Get, $"/api/v1/ci/{id}/");

        Assert.True((bool)edited.Body!["slim_diff"]!);
        Assert.Equal(["a/**"], edited.Body["files_to_ignore"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(other, (int)edited.Body["dbt_cloud"]!["artifacts_job_id"]!);
        Assert.Equal(1, (int)edited.Body["dbt_cloud"]!["account_id"]!);
        Assert.True((bool)edited.Body["dbt_cloud"]!["api_key_set"]!);
        Assert.Equal(HttpStatusCode.NotFound, deleted.Status);
    }

    [Fact]
    public async Task A_patch_that_breaks_the_object_is_refused()
    {
        var id = await CreateJob();

        var answer = await Admin(HttpMethod.Patch, $"/dbtcloud/jobs/{id}", new JsonObject { ["name"] = null });
        var read = await Dbt(HttpMethod.Get, $"/v2/accounts/1/jobs/{id}/");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Datafold artifacts", (string)read.Data["name"]!);
    }
}
