using System.Net;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

public sealed class DatafoldTests : EmulatorTestBase
{
    private const string Create = "/api/v1/ci/dbt_cloud/";

    private async Task<(string Key, int JobId)> DbtCloudSide()
    {
        var (_, secret) = await CreateServiceToken();
        return (secret, await CreateJob());
    }

    private static IEnumerable<string> Locs(Answer answer) =>
        answer.Body!["detail"]!.AsArray().Select(d => string.Join('.', d!["loc"]!.AsArray().Select(s => s!.ToString())));

    private static JsonNode ErrorAt(Answer answer, string loc) =>
        answer.Body!["detail"]!.AsArray().Single(d => string.Join('.', d!["loc"]!.AsArray().Select(s => s!.ToString())) == loc)!;

    [Theory]
    [InlineData(null, "Not authenticated")]
    [InlineData("wrong", "Invalid API key")]
    public async Task Requests_need_a_Key_header(string? key, string detail)
    {
        var answer = await Datafold(HttpMethod.Get, "/api/v1/organization/meta", key: key);
        var bearer = await Send(HttpMethod.Get, "/api/v1/organization/meta", null, new("Bearer", DatafoldKey));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(detail, (string)answer.Body!["detail"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.Status);
    }

    [Fact]
    public async Task Organization_meta_and_data_sources_are_those_of_the_key()
    {
        var meta = await Datafold(HttpMethod.Get, "/api/v1/organization/meta");
        var sources = await Datafold(HttpMethod.Get, "/api/v1/data_sources");
        var source = await Datafold(HttpMethod.Get, "/api/v1/data_sources/7");
        var otherOrganizations = await Datafold(HttpMethod.Get, "/api/v1/data_sources/8");

        Assert.Equal(1, (int)meta.Body!["org_id"]!);
        Assert.Equal("Acme", (string)meta.Body["org_name"]!);
        Assert.Equal(1, (int)meta.Body["user_id"]!);
        Assert.Equal([7], sources.Body!.AsArray().Select(s => (int)s!["id"]!));
        Assert.Equal("snowflake", (string)source.Body!["type"]!);
        Assert.Equal(HttpStatusCode.NotFound, otherOrganizations.Status);
        Assert.NotNull((string?)otherOrganizations.Body!["detail"]);
    }

    [Fact]
    public async Task A_CI_config_is_created_with_the_defaults_and_its_key_is_never_returned()
    {
        var (key, job) = await DbtCloudSide();

        var created = await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job));
        var id = (int)created.Body!["id"]!;
        var read = await Datafold(HttpMethod.Get, $"/api/v1/ci/{id}/");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        var config = read.Body!;
        Assert.Equal("dbt_cloud", (string)config["type"]!);
        Assert.Equal("https://cloud.getdbt.com", (string)config["dbt_cloud"]!["host_url"]!);
        Assert.True((bool)config["dbt_cloud"]!["api_key_set"]!);
        Assert.False(config["dbt_cloud"]!.AsObject().ContainsKey("api_key"));
        Assert.DoesNotContain(key, read.Body!.ToJsonString());
        Assert.DoesNotContain(key, created.Body.ToJsonString());
        Assert.Null(config["dbt_cloud"]!["ci_job_id"]);
        Assert.Equal("primary-key", (string)config["primary_key_tag"]!);
        Assert.True((bool)config["enabled"]!);
        Assert.True((bool)config["fail_on_errors"]!);
        Assert.False((bool)config["slim_diff"]!);
        Assert.Equal("merge_base", (string)config["base_commit_strategy"]!);
        Assert.Empty(config["files_to_ignore"]!.AsArray());
        Assert.Null(config["diff_threshold"]);
        Assert.Null(config["sampling"]);
        Assert.NotNull(config["created_at"]);
    }

    [Theory]
    [InlineData("https://emea.dbt.com", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("https://emea.dbt.com/api", false)]
    [InlineData("https://emea.dbt.com/", false)]
    [InlineData("emea.dbt.com", false)]
    public async Task The_dbt_cloud_host_url_is_an_access_url_without_a_path(string hostUrl, bool accepted)
    {
        var (key, job) = await DbtCloudSide();
        var body = CiConfigs.DbtCloud(key, job);
        body["dbt_cloud"]!["host_url"] = hostUrl;

        var answer = await Datafold(HttpMethod.Post, Create, body);

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(hostUrl, (string)answer.Body!["dbt_cloud"]!["host_url"]!);
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Equal(["body.dbt_cloud.host_url"], Locs(answer));
        }
    }

    [Theory]
    [InlineData(0.001, 99.0, null)]
    [InlineData(0.0, 99.0, "tolerance")]
    [InlineData(1.0, 99.0, "tolerance")]
    [InlineData(0.001, 0.0, "confidence")]
    [InlineData(0.001, 100.0, "confidence")]
    public async Task Sampling_tolerance_and_confidence_lie_strictly_within_their_bounds(double tolerance, double confidence, string? refused)
    {
        var (key, job) = await DbtCloudSide();
        var body = CiConfigs.DbtCloud(key, job);
        body["sampling"] = new JsonObject { ["enabled"] = true, ["tolerance"] = tolerance, ["confidence"] = confidence };

        var answer = await Datafold(HttpMethod.Post, Create, body);

        if (refused is null)
            Assert.Equal(HttpStatusCode.OK, answer.Status);
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Equal([$"body.sampling.{refused}"], Locs(answer));
        }
    }

    [Fact]
    public async Task An_update_without_api_key_keeps_the_stored_key()
    {
        var (key, job) = await DbtCloudSide();
        var created = await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job));
        var id = (int)created.Body!["id"]!;
        var update = CiConfigs.DbtCloud(key, job, name: "renamed");
        update["dbt_cloud"]!.AsObject().Remove("api_key");
        update["files_to_ignore"] = new JsonArray("docs/**", "!docs/keep.md");
        update["sampling"] = new JsonObject { ["enabled"] = true, ["tolerance"] = 0.001, ["confidence"] = 99.0, ["threshold"] = 5000000 };

        var updated = await Datafold(HttpMethod.Put, $"/api/v1/ci/dbt_cloud/{id}/", update);
        var stored = (await StateDump())["datafold"]!["ci_configs"]!.AsArray().Single()!;

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("renamed", (string)updated.Body!["name"]!);
        Assert.Equal(["docs/**", "!docs/keep.md"], updated.Body["files_to_ignore"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(0.001, (double)updated.Body["sampling"]!["tolerance"]!);
        Assert.Equal(key, (string)stored["dbt_cloud"]!["api_key"]!);
        Assert.Equal((string)created.Body["created_at"]!, (string)updated.Body["created_at"]!);
    }

    /// <summary>The published bounds of sampling tolerance and confidence, both exclusive.</summary>
    [Theory]
    [InlineData("tolerance", 0.0, false)]
    [InlineData("tolerance", 1.0, false)]
    [InlineData("tolerance", 0.001, true)]
    [InlineData("confidence", 0.0, false)]
    [InlineData("confidence", 100.0, false)]
    [InlineData("confidence", 99.9, true)]
    public async Task Sampling_tolerance_and_confidence_hold_to_their_published_bounds(string field, double value, bool accepted)
    {
        var (key, job) = await DbtCloudSide();
        var body = CiConfigs.DbtCloud(key, job);
        body["sampling"] = new JsonObject { ["enabled"] = true, [field] = value };

        var answer = await Datafold(HttpMethod.Post, Create, body);

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(value, (double)answer.Body!["sampling"]![field]!);
            Assert.True((bool)answer.Body["sampling"]!["enabled"]!);
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Equal([$"body.sampling.{field}"], Locs(answer));
        }
    }

    [Fact]
    public async Task Data_sources_are_annotated_with_accessible_and_is_paused_for_the_key()
    {
        var sources = await Datafold(HttpMethod.Get, "/api/v1/data_sources");
        var source = await Datafold(HttpMethod.Get, "/api/v1/data_sources/7");

        var listed = Assert.Single(sources.Body!.AsArray())!;
        foreach (var answer in new[] { listed, source.Body! })
        {
            Assert.True((bool)answer["accessible"]!);
            Assert.False((bool)answer["is_paused"]!);
        }
    }

    [Fact]
    public async Task Delete_answers_an_empty_object_then_404()
    {
        var (key, job) = await DbtCloudSide();
        var id = (int)(await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job))).Body!["id"]!;

        var deleted = await Datafold(HttpMethod.Delete, $"/api/v1/ci/{id}/");
        var again = await Datafold(HttpMethod.Delete, $"/api/v1/ci/{id}/");
        var read = await Datafold(HttpMethod.Get, $"/api/v1/ci/{id}/");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Empty(deleted.Body!.AsObject());
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("CI config not found", (string)again.Body!["detail"]!);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
    }

    [Fact]
    public async Task The_list_shows_the_organizations_configs_by_type()
    {
        var (key, job) = await DbtCloudSide();
        await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job, name: "a"));
        await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job, name: "b"));

        var listed = await Datafold(HttpMethod.Get, "/api/v1/ci/?type=dbt_cloud");
        var otherType = await Datafold(HttpMethod.Get, "/api/v1/ci/?type=github_actions");
        var otherOrganization = await Datafold(HttpMethod.Get, "/api/v1/ci/?type=dbt_cloud", key: "df_other_api_key");
        var badLimit = await Datafold(HttpMethod.Get, "/api/v1/ci/?limit=many");

        Assert.Equal(["a", "b"], listed.Body!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Empty(otherType.Body!.AsArray());
        Assert.Empty(otherOrganization.Body!.AsArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLimit.Status);
        Assert.Equal(["query.limit"], Locs(badLimit));
    }

    [Fact]
    public async Task Missing_null_and_mistyped_fields_are_422_at_their_loc()
    {
        var (key, job) = await DbtCloudSide();
        var body = CiConfigs.DbtCloud(key, job);
        body.Remove("repo_id");
        body["enabled"] = null;
        body["files_to_ignore"] = null;
        body["data_source_id"] = "seven";
        body["base_commit_strategy"] = "newest";
        body["dbt_cloud"]!.AsObject().Remove("artifacts_job_id");

        var answer = await Datafold(HttpMethod.Post, Create, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(
            new[] { "body.repo_id", "body.data_source_id", "body.enabled", "body.files_to_ignore", "body.base_commit_strategy", "body.dbt_cloud.artifacts_job_id" }.Order(),
            Locs(answer).Order());
        Assert.Equal("missing", (string)ErrorAt(answer, "body.repo_id")["type"]!);
        Assert.Equal("Field required", (string)ErrorAt(answer, "body.repo_id")["msg"]!);
        Assert.Equal("bool_type", (string)ErrorAt(answer, "body.enabled")["type"]!);
        Assert.Equal("list_type", (string)ErrorAt(answer, "body.files_to_ignore")["type"]!);
        Assert.Equal("int_type", (string)ErrorAt(answer, "body.data_source_id")["type"]!);
        Assert.Equal("literal_error", (string)ErrorAt(answer, "body.base_commit_strategy")["type"]!);
        Assert.Equal("Input should be 'merge_base' or 'latest'", (string)ErrorAt(answer, "body.base_commit_strategy")["msg"]!);
        Assert.Empty((await StateDump())["datafold"]!["ci_configs"]!.AsArray());
    }

    [Fact]
    public async Task The_api_key_is_required_on_create()
    {
        var (key, job) = await DbtCloudSide();
        var body = CiConfigs.DbtCloud(key, job);
        body["dbt_cloud"]!.AsObject().Remove("api_key");

        var answer = await Datafold(HttpMethod.Post, Create, body);

        Assert.Equal(["body.dbt_cloud.api_key"], Locs(answer));
    }

    [Fact]
    public async Task Repository_and_data_source_must_be_the_organizations()
    {
        var (key, job) = await DbtCloudSide();
        var body = CiConfigs.DbtCloud(key, job);
        body["repo_id"] = 4;
        body["data_source_id"] = 8;

        var answer = await Datafold(HttpMethod.Post, Create, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(["body.data_source_id", "body.repo_id"], Locs(answer).Order());
    }

    [Fact]
    public async Task A_second_config_with_the_same_name_is_409()
    {
        var (key, job) = await DbtCloudSide();
        await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job));

        var second = await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job));

        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("dbt Cloud CI", (string)second.Body!["detail"]!);
    }

    [Fact]
    public async Task The_key_must_be_an_active_service_token_of_the_account_with_a_grant()
    {
        var job = await CreateJob();
        var (deletedId, deletedKey) = await CreateServiceToken("deleted");
        await Dbt(HttpMethod.Delete, $"/v3/accounts/1/service-tokens/{deletedId}/");
        var ungranted = await Dbt(HttpMethod.Post, "/v3/accounts/1/service-tokens/", new JsonObject { ["name"] = "no grants" });
        var (_, otherAccountKey) = await CreateServiceToken("other", account: 2);
        var (_, goodKey) = await CreateServiceToken("good");

        async Task<Answer> With(string key, string name) => await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job, name));
        var refused = new[]
        {
            await With(deletedKey, "deleted"),
            await With((string)ungranted.Data["token_string"]!, "ungranted"),
            await With(otherAccountKey, "other account"),
            await With("dbtc_made_up", "made up"),
        };
        var accepted = await With(goodKey, "good");

        Assert.All(refused, answer =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Equal(["body.dbt_cloud.api_key"], Locs(answer));
        });
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
    }

    [Fact]
    public async Task The_jobs_must_be_active_jobs_of_the_account()
    {
        var (key, job) = await DbtCloudSide();
        var otherAccountJob = await CreateJob(Jobs.Artifacts(project: 20, environment: 200, account: 2), account: 2);
        var deletedJob = await CreateJob();
        await Dbt(HttpMethod.Delete, $"/v2/accounts/1/jobs/{deletedJob}/");

        var otherAccount = await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, otherAccountJob));
        var deleted = await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, deletedJob));
        var withCiJob = CiConfigs.DbtCloud(key, job);
        withCiJob["dbt_cloud"]!["ci_job_id"] = 424242;
        var badCiJob = await Datafold(HttpMethod.Post, Create, withCiJob);

        Assert.Equal(["body.dbt_cloud.artifacts_job_id"], Locs(otherAccount));
        Assert.Contains($"{otherAccountJob}", (string)otherAccount.Body!["detail"]![0]!["msg"]!);
        Assert.Equal(["body.dbt_cloud.artifacts_job_id"], Locs(deleted));
        Assert.Equal(["body.dbt_cloud.ci_job_id"], Locs(badCiJob));
    }

    [Fact]
    public async Task An_update_without_key_is_checked_against_the_stored_key()
    {
        var (tokenId, key) = await CreateServiceToken();
        var job = await CreateJob();
        var id = (int)(await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job))).Body!["id"]!;
        await Dbt(HttpMethod.Delete, $"/v3/accounts/1/service-tokens/{tokenId}/");
        var update = CiConfigs.DbtCloud(key, job);
        update["dbt_cloud"]!.AsObject().Remove("api_key");
        var (_, rotated) = await CreateServiceToken("rotated");

        var stale = await Datafold(HttpMethod.Put, $"/api/v1/ci/dbt_cloud/{id}/", update);
        update["dbt_cloud"]!["api_key"] = rotated;
        var fresh = await Datafold(HttpMethod.Put, $"/api/v1/ci/dbt_cloud/{id}/", update);

        Assert.Equal(["body.dbt_cloud.api_key"], Locs(stale));
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
    }

    [Fact]
    public async Task Another_organizations_config_is_not_found()
    {
        var (key, job) = await DbtCloudSide();
        var id = (int)(await Datafold(HttpMethod.Post, Create, CiConfigs.DbtCloud(key, job))).Body!["id"]!;

        var read = await Datafold(HttpMethod.Get, $"/api/v1/ci/{id}/", key: "df_other_api_key");
        var update = await Datafold(HttpMethod.Put, $"/api/v1/ci/dbt_cloud/{id}/", CiConfigs.DbtCloud(key, job), key: "df_other_api_key");

        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.Equal(HttpStatusCode.NotFound, update.Status);
    }

    [Fact]
    public async Task A_path_in_the_other_slash_form_is_redirected_like_FastAPI_does()
    {
        var answer = await Datafold(HttpMethod.Get, "/api/v1/ci");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.Status);
        Assert.Equal("/api/v1/ci/", answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_CI_config_name_of_more_than_255_characters_is_refused_at_name()
    {
        var (key, job) = await DbtCloudSide();
        var body = CiConfigs.DbtCloud(key, job);
        body["name"] = new string('c', 256);

        var answer = await Datafold(HttpMethod.Post, Create, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(["body.name"], Locs(answer));
        Assert.Equal("string_too_long", (string?)ErrorAt(answer, "body.name")["type"]);
    }
}
