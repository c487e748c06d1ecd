using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    private async Task AddFault(string json)
    {
        var added = await Admin(HttpMethod.Post, "/faults", JsonNode.Parse(json));
        Assert.True(added.Status == HttpStatusCode.Created, added.ToString());
    }

    [Fact]
    public async Task A_status_fault_answers_with_Retry_After_for_count_requests_then_is_spent()
    {
        await AddFault("""{"method": "GET", "path_prefix": "/api/v2/", "kind": "status", "status": 429, "retry_after_seconds": 2, "count": 2}""");

        var first = await Dbt(HttpMethod.Get, "/v2/accounts/");
        var second = await Dbt(HttpMethod.Get, "/v2/accounts/");
        var third = await Dbt(HttpMethod.Get, "/v2/accounts/");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter!.Delta);
        Assert.Equal(429, (int)first.Body!["status"]!["code"]!);
        Assert.False((bool)first.Body["status"]!["is_success"]!);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Rules_match_method_and_path_prefix_and_can_hit_every_nth_request()
    {
        await AddFault("""{"method": "POST", "path_prefix": "/api/v1/", "kind": "status", "status": 503, "every": 2}""");

        var get = await Datafold(HttpMethod.Get, "/api/v1/organization/meta");
        var dbtPost = await Dbt(HttpMethod.Post, "/v3/accounts/1/service-tokens/", new JsonObject { ["name"] = "x" });
        var posts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            posts.Add((await Datafold(HttpMethod.Post, "/api/v1/ci/dbt_cloud/", new JsonObject())).Status);
        }

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(HttpStatusCode.OK, dbtPost.Status);
        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.ServiceUnavailable, HttpStatusCode.UnprocessableEntity, HttpStatusCode.ServiceUnavailable], posts);
    }

    [Fact]
    public async Task An_exact_path_rule_hits_the_object_but_not_its_sub_resources()
    {
        var (tokenId, _) = await CreateServiceToken();
        var path = $"/v3/accounts/1/service-tokens/{tokenId}/";
        await AddFault($$$"""{"method": "GET", "path": "/api{{{path}}}", "kind": "status", "status": 404, "count": 1}""");

        var grants = await Dbt(HttpMethod.Get, path + "permissions/");
        var token = await Dbt(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, grants.Status);
        Assert.Equal(HttpStatusCode.NotFound, token.Status);
    }

    [Fact]
    public async Task A_count_limited_404_on_one_GET_looks_like_the_service_and_the_next_reads_succeed()
    {
        var (tokenId, _) = await CreateServiceToken();
        var path = $"/v3/accounts/1/service-tokens/{tokenId}/";
        await AddFault($$$"""{"method": "GET", "path_prefix": "/api{{{path}}}", "kind": "status", "status": 404, "count": 1}""");

        var stray = await Dbt(HttpMethod.Get, path);
        var next = await Dbt(HttpMethod.Get, path);
        var after = await Dbt(HttpMethod.Get, path);
        var listed = await Dbt(HttpMethod.Get, "/v3/accounts/1/service-tokens/");

        Assert.Equal(HttpStatusCode.NotFound, stray.Status);
        Assert.Equal(404, (int)stray.Body!["status"]!["code"]!);
        Assert.Contains("was not found", stray.UserMessage);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { next.Status, after.Status, listed.Status });
        Assert.Equal(tokenId, (int)next.Data["id"]!);
        var rule = Assert.Single((await Admin(HttpMethod.Get, "/faults")).Body!.AsArray())!;
        Assert.Equal((1, true), ((int)rule["hits"]!, (bool)rule["spent"]!));
    }

    [Fact]
    public async Task A_count_limited_404_on_a_Datafold_GET_carries_a_detail()
    {
        await AddFault("""{"method": "GET", "path_prefix": "/api/v1/organization/meta", "kind": "status", "status": 404, "count": 1}""");

        var stray = await Datafold(HttpMethod.Get, "/api/v1/organization/meta");
        var next = await Datafold(HttpMethod.Get, "/api/v1/organization/meta");

        Assert.Equal(HttpStatusCode.NotFound, stray.Status);
        Assert.Equal("Not Found", (string?)stray.Body!["detail"]);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task A_Datafold_fault_answers_in_Datafold_shape()
    {
        await AddFault("""{"path_prefix": "/api/v1/", "kind": "status", "status": 500, "count": 1}""");

        var answer = await Datafold(HttpMethod.Get, "/api/v1/organization/meta");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.NotNull((string?)answer.Body!["detail"]);
    }

    [Fact]
    public async Task A_reset_aborts_the_connection_before_anything_is_processed()
    {
        await AddFault("""{"method": "POST", "kind": "reset", "count": 1}""");

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Dbt(HttpMethod.Post, "/v3/accounts/1/service-tokens/", new JsonObject { ["name"] = "lost" }));
        var dump = await StateDump();
        var retried = await Dbt(HttpMethod.Post, "/v3/accounts/1/service-tokens/", new JsonObject { ["name"] = "kept" });

        Assert.Empty(dump["dbt_cloud"]!["service_tokens"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, retried.Status);
    }

    [Fact]
    public async Task Commit_then_fail_stores_the_object_but_answers_500()
    {
        await AddFault("""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "commit_then_fail", "count": 1}""");

        var answer = await Dbt(HttpMethod.Post, "/v2/accounts/1/jobs/", Jobs.Artifacts());
        var jobs = (await StateDump())["dbt_cloud"]!["jobs"]!.AsArray();
        var listed = await Dbt(HttpMethod.Get, "/v2/accounts/1/jobs/?name__icontains=datafold");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal(500, (int)answer.Body!["status"]!["code"]!);
        Assert.Null(answer.Body["data"]);
        Assert.Single(jobs);
        Assert.Equal(1, (int)jobs[0]!["state"]!);
        Assert.Single(listed.Data.AsArray());
    }

    [Fact]
    public async Task Commit_then_fail_with_status_0_stores_the_object_and_resets_the_connection()
    {
        await AddFault("""{"method": "POST", "kind": "commit_then_fail", "status": 0, "count": 1}""");

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Dbt(HttpMethod.Post, "/v3/accounts/1/service-tokens/", new JsonObject { ["name"] = "committed" }));
        var tokens = (await StateDump())["dbt_cloud"]!["service_tokens"]!.AsArray();

        Assert.Equal(["committed"], tokens.Select(t => (string)t!["name"]!));
    }

    [Fact]
    public async Task Commit_then_fail_can_answer_503_with_Retry_After()
    {
        await AddFault("""{"method": "POST", "path_prefix": "/api/v3/", "kind": "commit_then_fail", "status": 503, "retry_after_seconds": 1, "count": 1}""");

        var answer = await Dbt(HttpMethod.Post, "/v3/accounts/1/service-tokens/", new JsonObject { ["name"] = "committed" });
        var tokens = (await StateDump())["dbt_cloud"]!["service_tokens"]!.AsArray();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), answer.Headers.RetryAfter!.Delta);
        Assert.Null(answer.Body!["data"]);
        Assert.Equal(["committed"], tokens.Select(t => (string)t!["name"]!));
    }

    [Fact]
    public async Task A_slow_commit_is_stored_late_even_when_the_client_has_given_up()
    {
        await AddFault("""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "slow_commit", "latency_ms": 1500, "count": 1}""");

        using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/accounts/1/jobs/"))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", AdminToken);
            request.Content = new StringContent(Jobs.Artifacts().ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Http.SendAsync(request, impatient.Token));
        }
        var rightAfter = (await StateDump())["dbt_cloud"]!["jobs"]!.AsArray();
        await Task.Delay(2000);
        var later = (await StateDump())["dbt_cloud"]!["jobs"]!.AsArray();

        Assert.Empty(rightAfter);
        Assert.Single(later);
    }

    [Fact]
    public async Task A_slow_commit_answers_normally_to_a_client_that_waits()
    {
        await AddFault("""{"method": "POST", "kind": "slow_commit", "latency_ms": 300, "count": 1}""");

        var clock = Stopwatch.StartNew();
        var answer = await Dbt(HttpMethod.Post, "/v3/accounts/1/service-tokens/", new JsonObject { ["name"] = "slow" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("slow", (string?)answer.Data["name"]);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task Latency_delays_and_then_processes_normally()
    {
        await AddFault("""{"kind": "latency", "latency_ms": 300, "count": 1}""");

        var clock = Stopwatch.StartNew();
        var answer = await Dbt(HttpMethod.Get, "/v2/accounts/");
        var delayed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(delayed >= TimeSpan.FromMilliseconds(290), $"answered after {delayed}");
    }

    [Fact]
    public async Task Clearing_the_rules_ends_the_faults_and_admin_paths_are_never_faulted()
    {
        await AddFault("""{"kind": "status", "status": 503}""");

        var faulted = await Dbt(HttpMethod.Get, "/v2/accounts/");
        var listed = await Admin(HttpMethod.Get, "/faults");
        var cleared = await Admin(HttpMethod.Delete, "/faults");
        var after = await Dbt(HttpMethod.Get, "/v2/accounts/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status);
        Assert.Equal(1, (int)listed.Body![0]!["hits"]!);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task A_bad_rule_is_refused_with_the_field_named()
    {
        var answer = await Admin(HttpMethod.Post, "/faults", JsonNode.Parse("""{"kind": "status"}"""));
        var unknownKind = await Admin(HttpMethod.Post, "/faults", JsonNode.Parse("""{"kind": "explode"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("status", (string)answer.Body!["error"]!);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.Status);
        Assert.Contains("kind", (string)unknownKind.Body!["error"]!);
    }
}
