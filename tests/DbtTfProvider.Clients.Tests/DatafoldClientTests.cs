using System.Net;
using System.Text.Json.Nodes;
using DbtTfProvider.Datafold;
using DbtTfProvider.Datafold.CiConfigContract;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests;

/// <summary>The Datafold client over a scripted transport: wire shape and error reading.</summary>
public sealed class DatafoldClientTests
{
    private static DatafoldClient Client(ScriptedTransport transport, string host = "https://app.datafold.test/") =>
        DatafoldClient.Create(new DatafoldClientOptions
        {
            Host = host,
            ApiKey = "df_test_key",
            MaxRetries = 0,
            Transport = transport,
            Resilience = new ResilienceOptions { Delay = (_, _) => Task.CompletedTask },
            CreateSafety = new CreateSafetyOptions { NewMarker = () => CreateMarker.FromNonce("0123456789ab"), SettleTime = TimeSpan.Zero },
        });

    private static DbtCloudCiConfig Config(string name = "dbt Cloud CI") => new()
    {
        Name = name,
        RepoId = 3,
        DataSourceId = 7,
        DbtCloud = new DbtCloudCiSettings { AccountId = 1, ApiKey = "dbtc_secret", ArtifactsJobId = 55 },
    };

    [Fact]
    public async Task Credential_check_uses_the_key_header_and_the_documented_path()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(200, """{"org_id": 1, "org_name": "Acme", "user_id": 9, "extra": true}"""));
        using var client = Client(transport);

        var meta = await client.CheckCredentialsAsync();

        Assert.Equal("Acme", meta!.OrgName);
        var request = Assert.Single(transport.Requests);
        Assert.Equal("https://app.datafold.test/api/v1/organization/meta", request.Uri.ToString());
        Assert.Equal("Key df_test_key", request.Headers["Authorization"]);
        Assert.StartsWith("terraform-provider-datafold/", request.Headers["User-Agent"]);
    }

    [Fact]
    public void Plain_http_is_refused_for_a_remote_host()
    {
        var error = Assert.Throws<ClientOptionsException>(() => Client(ScriptedTransport.Steps(Answers.Status(200)), "http://app.datafold.com"));

        Assert.Equal("host", error.OptionName);
    }

    [Fact]
    public async Task A_create_omits_unset_fields_and_sends_or_null_fields_and_empty_lists()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(200, "[]"), Answers.Status(200, """{"id": 12, "type": "dbt_cloud", "name": "dbt Cloud CI", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "api_key_set": true, "artifacts_job_id": 55, "ci_job_id": null}}"""));
        using var client = Client(transport);

        var created = await client.CiConfigs.CreateAsync(Config());

        Assert.Equal(12, created.Id);
        Assert.True(created.DbtCloud.ApiKeySet);
        Assert.Null(created.DbtCloud.ApiKey);
        Assert.Equal("/api/v1/ci/", transport.Requests[0].Uri.AbsolutePath);
        Assert.Equal("?type=dbt_cloud&limit=100&offset=0", transport.Requests[0].Uri.Query);
        var post = transport.Requests[1];
        Assert.Equal("https://app.datafold.test/api/v1/ci/dbt_cloud/", post.Uri.ToString());
        var body = JsonNode.Parse(post.Body!)!.AsObject();
        Assert.Equal(
            ["name", "repo_id", "data_source_id", "dbt_cloud", "diff_threshold", "files_to_ignore", "custom_base_branch"],
            body.Select(p => p.Key));
        Assert.Equal("[]", body["files_to_ignore"]!.ToJsonString());
        // sampling, like base_commit_strategy and fail_on_errors, is not on Datafold's current dbt Cloud form: sent only when set.
        Assert.False(body.ContainsKey("sampling"));
        Assert.Equal("""{"account_id":1,"api_key":"dbtc_secret","artifacts_job_id":55,"ci_job_id":null}""", body["dbt_cloud"]!.ToJsonString());
    }

    [Fact]
    public async Task A_422_loc_becomes_a_field_path_after_body()
    {
        const string detail = """
            {"detail": [{"loc": ["body", "dbt_cloud", "artifacts_job_id"], "msg": "job 99 is not an active job of account 1", "type": "value_error"},
                        {"loc": ["body", "files_to_ignore", 2], "msg": "str type expected", "type": "type_error.str"},
                        {"loc": ["query", "limit"], "msg": "too large", "type": "value_error"}]}
            """;
        using var client = Client(ScriptedTransport.Steps(Answers.Status(422, detail)));

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => client.CiConfigs.UpdateAsync(12, Config()));

        Assert.Equal(ApiErrorKind.Validation, error.Kind);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal(
            [("dbt_cloud.artifacts_job_id", "job 99 is not an active job of account 1"), ("files_to_ignore.2", "str type expected"), ("query.limit", "too large")],
            error.FieldErrors.Select(f => (f.DottedPath, f.Message)).ToArray());
        Assert.Equal(["dbt_cloud", "artifacts_job_id"], error.FieldErrors[0].Path);
    }

    [Theory]
    [InlineData(401, ApiErrorKind.Unauthorized)]
    [InlineData(403, ApiErrorKind.Forbidden)]
    [InlineData(404, ApiErrorKind.NotFound)]
    [InlineData(500, ApiErrorKind.Server)]
    public async Task Detail_strings_are_kept_with_the_kind(int status, ApiErrorKind kind)
    {
        using var client = Client(ScriptedTransport.Steps(Answers.Status(status, """{"detail": "CI config not found"}""")));

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => client.DataSources.GetAsync(12));

        Assert.Equal(kind, error.Kind);
        Assert.Equal("CI config not found", error.Detail);
        Assert.Equal("CI config not found", error.Summary);
    }

    [Fact]
    public async Task A_name_that_is_taken_is_reported_with_the_holder_before_any_post()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(200, """[{"id": 42, "type": "dbt_cloud", "name": "dbt Cloud CI", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}]"""));
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => client.CiConfigs.CreateAsync(Config()));

        Assert.Equal(ApiErrorKind.Conflict, error.Kind);
        Assert.Equal(42, error.ExistingId);
        Assert.Contains("a CI config named \"dbt Cloud CI\" already exists (id 42); import it", error.Message);
        Assert.Equal("name", Assert.Single(error.FieldErrors).DottedPath);
        Assert.Null(error.StatusCode);
        Assert.DoesNotContain(transport.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_name_already_taken_is_reported_with_the_holder_and_nothing_is_posted()
    {
        const string holder = """[{"id": 43, "type": "dbt_cloud", "name": "dbt Cloud CI", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}]""";
        var transport = ScriptedTransport.Steps(Answers.Status(200, holder));
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => client.CiConfigs.CreateAsync(Config()));

        Assert.Equal(ApiErrorKind.Conflict, error.Kind);
        Assert.Equal(43, error.ExistingId);
        Assert.Contains("already exists (id 43)", error.Message);
        Assert.DoesNotContain(transport.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task An_ambiguous_create_adopts_only_the_config_carrying_its_marker_then_renames_it()
    {
        // Between the name check and the look-up, another workspace made a config named "dbt Cloud CI" (id 43).
        const string found = """[{"id": 43, "type": "dbt_cloud", "name": "dbt Cloud CI", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}, {"id": 44, "type": "dbt_cloud", "name": "dbt Cloud CI [tf-create 0123456789ab]", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}]""";
        const string renamed = """{"id": 44, "type": "dbt_cloud", "name": "dbt Cloud CI", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}""";
        var transport = ScriptedTransport.Steps(Answers.Status(200, "[]"), Answers.Status(500, """{"detail": "boom"}"""), Answers.Status(200, found),
            Answers.Status(200, found), Answers.Status(200, renamed));
        using var client = Client(transport);

        var config = await client.CiConfigs.CreateAsync(Config());

        Assert.Equal(44, config.Id);
        Assert.Single(transport.Requests, r => r.Method == "POST");
        Assert.DoesNotContain(transport.Requests, r => r.Method == "DELETE");
        var post = JsonNode.Parse(transport.Requests[1].Body!)!;
        Assert.Equal("dbt Cloud CI [tf-create 0123456789ab]", (string?)post["name"]);
        var put = transport.Requests[^1];
        Assert.Equal(("PUT", "/api/v1/ci/dbt_cloud/44/"), (put.Method, put.Uri.AbsolutePath));
        var body = JsonNode.Parse(put.Body!)!;
        Assert.Equal("dbt Cloud CI", (string?)body["name"]);
        // The key is stored already: the rename does not send it again.
        Assert.Null(body["dbt_cloud"]!["api_key"]);
    }

    [Fact]
    public async Task A_409_on_the_repeated_post_means_the_first_one_landed_and_it_is_adopted()
    {
        const string landed = """[{"id": 45, "type": "dbt_cloud", "name": "dbt Cloud CI [tf-create 0123456789ab]", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}]""";
        const string renamed = """{"id": 45, "type": "dbt_cloud", "name": "dbt Cloud CI", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}""";
        // Name check; POST 504 (not committed yet); look-up finds nothing; POST again: 409 (the first POST has landed by now).
        var transport = ScriptedTransport.Steps(Answers.Status(200, "[]"), Answers.Status(504, """{"detail": "gateway timeout"}"""), Answers.Status(200, "[]"),
            Answers.Status(409, """{"detail": "name already exists"}"""), Answers.Status(200, landed), Answers.Status(200, landed), Answers.Status(200, renamed));
        using var client = Client(transport);

        var config = await client.CiConfigs.CreateAsync(Config());

        Assert.Equal(45, config.Id);
        Assert.Equal("dbt Cloud CI", config.Name);
        Assert.Equal(2, transport.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_create_leaves_the_callers_config_as_it_was_and_cuts_a_long_name_so_that_its_marked_form_fits()
    {
        var name = new string('n', CiConfigsClient.MaxNameLength - 5);
        const string answer = """{"id": 46, "type": "dbt_cloud", "name": "x", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}""";
        var transport = ScriptedTransport.Steps(Answers.Status(200, "[]"), Answers.Status(200, answer), Answers.Status(200, answer));
        using var client = Client(transport);
        var config = Config(name);

        await client.CiConfigs.CreateAsync(config);

        Assert.Equal(name, config.Name);
        Assert.Equal("dbtc_secret", config.DbtCloud.ApiKey);
        var posted = (string)JsonNode.Parse(transport.Requests[1].Body!)!["name"]!;
        Assert.Equal(CiConfigsClient.MaxNameLength, posted.Length);
        Assert.Equal(name[..(CiConfigsClient.MaxNameLength - 25)] + " [tf-create 0123456789ab]", posted);
        Assert.Equal(name, (string?)JsonNode.Parse(transport.Requests[2].Body!)!["name"]);
    }

    [Fact]
    public async Task The_list_walks_pages_until_a_short_one()
    {
        static string Page(int from, int count) =>
            "[" + string.Join(",", Enumerable.Range(from, count).Select(i => $$"""{"id": {{i}}, "name": "c{{i}}", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55} }""")) + "]";
        var transport = ScriptedTransport.Steps(Answers.Status(200, Page(0, 100)), Answers.Status(200, Page(100, 1)));
        using var client = Client(transport);

        var all = await client.CiConfigs.ListAsync();

        Assert.Equal(101, all.Count);
        Assert.Equal("?type=dbt_cloud&limit=100&offset=100", transport.Requests[1].Uri.Query);
    }
}
