using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests;

/// <summary>The dbt Cloud client over a scripted transport: what goes on the wire and how answers are read.</summary>
public sealed class DbtCloudClientTests
{
    private static DbtCloudClient Client(ScriptedTransport transport, string hostUrl = "https://cloud.test/api/", int maxRetries = 0,
        string? providerVersion = null, string? terraformVersion = null) =>
        DbtCloudClient.Create(new DbtCloudClientOptions
        {
            HostUrl = hostUrl,
            AccountId = 1,
            Token = "dbtc_test_token",
            MaxRetries = maxRetries,
            ProviderVersion = providerVersion,
            TerraformVersion = terraformVersion,
            Transport = transport,
            Resilience = new ResilienceOptions { Delay = (_, _) => Task.CompletedTask },
            CreateSafety = new CreateSafetyOptions { NewMarker = () => CreateMarker.FromNonce("0123456789ab") },
        });

    private static ScriptedTransport Answer(int status, string json) => ScriptedTransport.Steps(Answers.Status(status, json));

    [Fact]
    public async Task Requests_go_to_host_url_without_a_double_slash_and_carry_the_spec_headers()
    {
        var transport = Answer(200, Answers.Envelope(200, """[{"id": 1, "name": "Acme"}]"""));
        using var client = Client(transport, "https://cloud.test/api///");

        await client.Accounts.ListAsync();

        var request = Assert.Single(transport.Requests);
        Assert.Equal("https://cloud.test/api/v2/accounts/", request.Uri.ToString());
        Assert.Equal("Token dbtc_test_token", request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal("dbt-tf-provider/0.1.0", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task The_user_agent_names_this_provider_and_terraform_with_their_versions()
    {
        var transport = Answer(200, Answers.Envelope(200, "[]"));
        using var client = Client(transport, providerVersion: "1.2.3", terraformVersion: "1.11.4");

        await client.Accounts.ListAsync();

        Assert.Equal("dbt-tf-provider/1.2.3 terraform/1.11.4", transport.Requests[0].Headers["User-Agent"]);
    }

    [Theory]
    [InlineData("http://cloud.getdbt.com/api")]
    [InlineData("http://10.0.0.5/api")]
    public void Plain_http_is_refused_for_a_host_that_is_not_loopback(string hostUrl)
    {
        var error = Assert.Throws<ClientOptionsException>(() => Client(Answer(200, "{}"), hostUrl));

        Assert.Equal("host_url", error.OptionName);
        Assert.Contains("plain http://", error.Message);
    }

    [Theory]
    [InlineData("http://localhost:8080/api")]
    [InlineData("http://127.0.0.1:1234/api")]
    [InlineData("http://127.9.9.9/api")]
    [InlineData("http://[::1]:5000/api/")]
    public void Plain_http_is_accepted_for_loopback_hosts(string hostUrl)
    {
        using var client = Client(Answer(200, "{}"), hostUrl);

        Assert.Equal(hostUrl.TrimEnd('/'), client.HostUrl.ToString().TrimEnd('/'));
        Assert.DoesNotMatch("/$", client.HostUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("", "dbtc", 1, "host_url")]
    [InlineData("ftp://cloud.test/api", "dbtc", 1, "host_url")]
    [InlineData("https://cloud.test/api", "  ", 1, "token")]
    [InlineData("https://cloud.test/api", "dbtc token", 1, "token")]
    [InlineData("https://cloud.test/api", "dbtc", 0, "account_id")]
    public void Bad_options_name_the_option(string hostUrl, string token, long accountId, string option)
    {
        var error = Assert.Throws<ClientOptionsException>(() =>
            DbtCloudClient.Create(new DbtCloudClientOptions { HostUrl = hostUrl, Token = token, AccountId = accountId }));

        Assert.Equal(option, error.OptionName);
    }

    [Fact]
    public async Task A_job_create_body_has_null_id_and_the_hourly_custom_cron_schedule()
    {
        // Issue 17: a create first lists the jobs an unfinished create may have left (none here), then posts.
        var transport = ScriptedTransport.Steps(
            Answers.Status(200, Answers.Envelope(200, "[]")),
            Answers.Status(201, Answers.Envelope(201, """{"id": 55, "name": "Datafold artifacts [tf-create 0123456789ab]", "state": 1}""")),
            Answers.Status(200, Answers.Envelope(200, """{"id": 55, "name": "Datafold artifacts", "state": 1}""")));
        using var client = Client(transport);
        var job = new DbtJob { ProjectId = 10, EnvironmentId = 100, Name = "Datafold artifacts", ExecuteSteps = ["dbt compile"], Schedule = JobSchedule.CustomCron("0 * * * *") };

        var created = await client.Jobs.CreateAsync(job);

        Assert.Equal("Datafold artifacts", created.Name);
        Assert.Equal(3, transport.Count);
        Assert.Equal(("GET", "/api/v2/accounts/1/jobs/"), (transport.Requests[0].Method, transport.Requests[0].Uri.AbsolutePath));
        // The caller's job is not changed by the create (issue 18): the marked name is in the request only.
        Assert.Equal("Datafold artifacts", job.Name);
        Assert.Null(job.Id);
        var post = transport.Requests[1];
        Assert.Equal("POST", post.Method);
        Assert.Equal("/api/v2/accounts/1/jobs/", post.Uri.AbsolutePath);
        Assert.Equal("application/json", post.ContentType);
        var body = JsonNode.Parse(post.Body!)!.AsObject();
        Assert.True(body.ContainsKey("id"));
        Assert.Null(body["id"]);
        Assert.Equal(1, (long)body["account_id"]!);
        Assert.True(body.ContainsKey("dbt_version"));
        Assert.Equal("""{"type":"custom_cron","cron":"0 * * * *"}""", body["schedule"]!["date"]!.ToJsonString());
        Assert.Equal("""{"type":"every_hour","interval":1}""", body["schedule"]!["time"]!.ToJsonString());
        Assert.Equal("0 * * * *", (string)body["schedule"]!["cron"]!);
        Assert.Equal("[\"dbt compile\"]", body["execute_steps"]!.ToJsonString());
        // Created under a marked name, so that a look-up after a lost answer finds only this create's job; then renamed.
        Assert.Equal("Datafold artifacts [tf-create 0123456789ab]", (string?)body["name"]);
        var rename = transport.Requests[2];
        Assert.Equal(("POST", "/api/v2/accounts/1/jobs/55/"), (rename.Method, rename.Uri.AbsolutePath));
        Assert.Equal("Datafold artifacts", (string?)JsonNode.Parse(rename.Body!)!["name"]);
    }

    [Fact]
    public void A_job_read_and_written_back_sends_request_fields_only_keeping_the_writable_ones_it_does_not_model()
    {
        const string read = """
            {"id": 7, "account_id": 1, "project_id": 10, "environment_id": 100, "name": "n", "description": "",
             "execute_steps": ["dbt compile"], "dbt_version": null,
             "settings": {"threads": 4, "target_name": "prod", "future_setting": {"x": 1}},
             "execution": {"timeout_seconds": 0}, "state": 1, "generate_docs": false, "run_generate_sources": false,
             "triggers": {"github_webhook": false, "git_provider_webhook": false, "schedule": true, "on_merge": false, "custom_branch_only": true},
             "schedule": {"cron": "0 * * * *", "date": {"type": "custom_cron", "cron": "0 * * * *"}, "time": {"type": "every_hour", "interval": 1}},
             "deferring_environment_id": null, "job_type": "scheduled", "triggers_on_draft_pr": false, "run_lint": false,
             "errors_on_lint_failure": true, "run_compare_changes": false, "compare_changes_flags": "--select state:modified",
             "cost_optimization_features": ["dbt_state"], "job_completion_trigger_condition": {"condition": {"job_id": 3, "statuses": [10]}},
             "deferring_job_definition_id": 5, "force_node_selection": true,
             "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-02T00:00:00Z", "cron_humanized": "Every hour", "next_run": "soon",
             "next_run_humanized": "in 5 minutes", "is_deferrable": false, "raw_dbt_version": "1.9", "run_failure_count": 0, "deactivated": false,
             "is_system": false, "lifecycle_webhooks_url": "x", "environment": {"id": 100}, "project": {"id": 10}, "account": {"id": 1}}
            """;

        var job = JsonSerializer.Deserialize(read, DbtCloudJsonContext.Default.DbtJob)!;
        job.Name = "renamed";
        var written = JsonNode.Parse(JsonSerializer.Serialize(job.ToRequest(), DbtCloudJsonContext.Default.DbtJob))!.AsObject();

        Assert.Equal("renamed", (string)written["name"]!);
        Assert.Equal("""["dbt_state"]""", written["cost_optimization_features"]!.ToJsonString());
        Assert.Equal(3, (int)written["job_completion_trigger_condition"]!["condition"]!["job_id"]!);
        Assert.Equal(5, (int)written["deferring_job_definition_id"]!);
        Assert.True((bool)written["force_node_selection"]!);
        Assert.Equal("prod", (string)written["settings"]!["target_name"]!);
        foreach (var readOnly in new[] { "created_at", "updated_at", "cron_humanized", "next_run", "next_run_humanized", "is_deferrable",
                     "raw_dbt_version", "run_failure_count", "deactivated", "is_system", "lifecycle_webhooks_url", "environment", "project", "account" })
            Assert.False(written.ContainsKey(readOnly), readOnly);
        // Nested objects are strict in dbt Cloud: only the fields of the request schema go back.
        Assert.Equal("""{"threads":4,"target_name":"prod"}""", written["settings"]!.ToJsonString());
        Assert.False(written["triggers"]!.AsObject().ContainsKey("custom_branch_only"));
        // The job read is untouched: the request is a copy.
        Assert.Equal("2026-01-01T00:00:00Z", job.CreatedAt);
    }

    [Theory]
    [InlineData("merge", """["state_aware_orchestration"]""", false)]
    [InlineData("merge", """["dbt_state"]""", true)]
    [InlineData("merge", "[]", true)]
    [InlineData("ci", """["state_aware_orchestration", "dbt_state"]""", false)]
    [InlineData(null, """["state_aware_orchestration"]""", false)]
    public void A_CI_or_merge_job_is_written_without_state_aware_orchestration_fields(string? jobType, string features, bool featuresKept)
    {
        var type = jobType is null ? "" : $"\"job_type\": \"{jobType}\",";
        var read = $$"""
            {"id": 7, "project_id": 10, "environment_id": 100, "name": "n", {{type}}
             "triggers": {"schedule": false, "on_merge": {{(jobType is "ci" ? "false" : "true")}}, "git_provider_webhook": {{(jobType is "ci" ? "true" : "false")}}},
             "force_node_selection": false, "cost_optimization_features": {{features}}}
            """;

        var written = JsonNode.Parse(JsonSerializer.Serialize(JsonSerializer.Deserialize(read, DbtCloudJsonContext.Default.DbtJob)!.ToRequest(),
            DbtCloudJsonContext.Default.DbtJob))!.AsObject();

        Assert.False(written.ContainsKey("force_node_selection"));
        Assert.Equal(featuresKept, written.ContainsKey("cost_optimization_features"));
    }

    [Fact]
    public void Nulls_in_a_job_answer_read_as_empty_values()
    {
        const string read = """
            {"id": 7, "project_id": 10, "environment_id": 100, "name": null, "description": null, "execute_steps": null, "settings": null,
             "execution": null, "triggers": null, "schedule": {"cron": null, "date": null, "time": null}, "compare_changes_flags": null}
            """;

        var job = JsonSerializer.Deserialize(read, DbtCloudJsonContext.Default.DbtJob)!;

        Assert.Equal("", job.Name);
        Assert.Equal("", job.Description);
        Assert.Empty(job.ExecuteSteps);
        Assert.NotNull(job.Settings);
        Assert.False(job.Triggers.Schedule);
        Assert.NotNull(job.Schedule.Date);
        Assert.NotNull(job.Schedule.Time);
        Assert.NotNull(job.ToRequest());
    }

    [Fact]
    public async Task A_400_field_map_becomes_dotted_paths_with_the_reasons()
    {
        const string data = """{"schedule": {"date": {"cron": "invalid cron"}, "time": {"interval": "required key not provided"}}, "name": ["This field is required."]}""";
        using var client = Client(Answer(400, Answers.Envelope(400, data, "The request was invalid. Please double check the provided data and try again.", "dev detail")));

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(7));

        Assert.Equal(ApiErrorKind.Validation, error.Kind);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("The request was invalid. Please double check the provided data and try again.", error.UserMessage);
        Assert.Equal("dev detail", error.DeveloperMessage);
        Assert.Equal(
            [("schedule.date.cron", "invalid cron"), ("schedule.time.interval", "required key not provided"), ("name", "This field is required.")],
            error.FieldErrors.Select(f => (f.DottedPath, f.Message)).ToArray());
        Assert.Contains("schedule.date.cron: invalid cron", error.Message);
        Assert.Contains("GET /api/v2/accounts/1/jobs/7/", error.Message);
    }

    [Fact]
    public async Task A_400_whose_data_is_a_plain_string_keeps_that_reason()
    {
        using var client = Client(Answer(400, Answers.Envelope(400, "\"Additional properties are not allowed ('limit' was unexpected)\"",
            "The request was invalid. Please double check the provided data and try again.")));

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.ServiceTokens.ListGrantsAsync(5));

        var reason = Assert.Single(error.FieldErrors);
        Assert.Empty(reason.Path);
        Assert.Equal("Additional properties are not allowed ('limit' was unexpected)", reason.Message);
        Assert.EndsWith("answered 400: The request was invalid. Please double check the provided data and try again. " +
                        "(Additional properties are not allowed ('limit' was unexpected))", error.Message);
    }

    [Fact]
    public async Task A_400_with_a_model_key_keeps_its_reason_without_a_field()
    {
        const string data = """{"_model": ["Project 99 does not exist."], "name": "required key not provided"}""";
        using var client = Client(Answer(400, Answers.Envelope(400, data, "The request was invalid. Please double check the provided data and try again.")));

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(7));

        Assert.Equal([("", "Project 99 does not exist."), ("name", "required key not provided")],
            error.FieldErrors.Select(f => (f.DottedPath, f.Message)).ToArray());
        Assert.Contains("(Project 99 does not exist.; name: required key not provided)", error.Message);
        Assert.DoesNotContain("_model", error.Message);
    }

    [Fact]
    public async Task A_reason_that_is_also_the_user_message_is_said_once()
    {
        const string reason = "Environment 110 does not belong to project 10.";
        using var client = Client(Answer(400, Answers.Envelope(400, $$"""{"environment_id": "{{reason}}"}""", reason)));

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(7));

        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(error.Message, System.Text.RegularExpressions.Regex.Escape(reason)));
        Assert.EndsWith($"answered 400: {reason} (at environment_id)", error.Message);
        Assert.Equal("environment_id", Assert.Single(error.FieldErrors).DottedPath);
    }

    [Fact]
    public async Task A_business_rule_400_carries_its_user_message_and_no_field_errors()
    {
        const string message = "Service token permissions cannot be updated after assignment. Please create a new service token.";
        using var client = Client(Answer(400, Answers.Envelope(400, "null", message)));

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() =>
            client.ServiceTokens.AssignGrantsAsync(5, [new ServiceTokenGrantSpec("member", true, null, [])]));

        Assert.Equal(ApiErrorKind.Validation, error.Kind);
        Assert.Equal(message, error.Summary);
        Assert.Empty(error.FieldErrors);
    }

    [Theory]
    [InlineData(401, "Invalid token.", ApiErrorKind.Unauthorized)]
    [InlineData(403, "Forbidden", ApiErrorKind.Forbidden)]
    [InlineData(404, "The requested resource was not found.", ApiErrorKind.NotFound)]
    [InlineData(404, "Job 7 was not found, or this token does not have permission to access it.", ApiErrorKind.NotFound)]
    [InlineData(404, "You do not have permission to access this resource.", ApiErrorKind.Forbidden)]
    [InlineData(409, "Conflict", ApiErrorKind.Conflict)]
    [InlineData(429, "Rate limited", ApiErrorKind.RateLimited)]
    [InlineData(500, "Internal error", ApiErrorKind.Server)]
    public async Task Error_statuses_map_to_kinds(int status, string userMessage, ApiErrorKind kind)
    {
        using var client = Client(Answer(status, Answers.Envelope(status, "null", userMessage)));

        // A job read without its project: a 404 is never confirmed, so the error is the answer's own.
        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(5));

        Assert.Equal(kind, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(userMessage, error.UserMessage);
        Assert.Equal(userMessage.Contains("permission"), error.MentionsPermission);
    }

    [Fact]
    public async Task A_non_json_error_page_still_gives_a_typed_error()
    {
        var transport = ScriptedTransport.Steps((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>bad gateway</html>", System.Text.Encoding.UTF8, "text/html"),
        }));
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(7));

        Assert.Equal(ApiErrorKind.Server, error.Kind);
        Assert.Equal("502 Bad Gateway", error.Summary);
    }

    [Fact]
    public async Task Retried_answers_that_stay_429_end_as_rate_limited()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(429, Answers.Envelope(429, "null", "Too many requests"), retryAfter: TimeSpan.FromSeconds(1)));
        using var client = Client(transport, maxRetries: 2);

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(7));

        Assert.Equal(ApiErrorKind.RateLimited, error.Kind);
        Assert.Equal(3, transport.Count);
    }

    [Fact]
    public async Task Credential_check_says_the_token_cannot_see_the_account()
    {
        using var client = Client(Answer(200, Answers.Envelope(200, """[{"id": 2, "name": "Other"}]""")));

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Accounts.CheckCredentialsAsync(1));

        Assert.Equal(ApiErrorKind.Forbidden, error.Kind);
        Assert.Equal("the token is valid but cannot see account 1; it sees account 2 (\"Other\"): check the account id, the token's permissions or IP restrictions", error.Summary);
    }

    [Fact]
    public async Task Credential_check_returns_the_account_it_found()
    {
        using var client = Client(Answer(200, Answers.Envelope(200, """[{"id": 2, "name": "Other"}, {"id": 1, "name": "Acme", "unknown": [1]}]""")));

        var account = await client.Accounts.CheckCredentialsAsync(1);

        Assert.Equal("Acme", account.Name);
    }

    [Fact]
    public async Task Grants_are_read_through_every_page()
    {
        static string Grant(int i) =>
            $$"""{"id": {{i}}, "account_id": 1, "service_token_id": 5, "permission_set": "member", "all_projects": false, "project_id": {{i}}, "writable_environment_categories": [], "state": 1}""";
        static string Page(int from, int count)
        {
            var data = string.Join(",", Enumerable.Range(from, count).Select(Grant));
            return $$$"""
                {"status": {"code": 200, "is_success": true, "user_message": "Success!", "developer_message": ""},
                 "data": [{{{data}}}], "extra": {"pagination": {"count": {{{count}}}, "total_count": 250}} }
                """;
        }
        var transport = ScriptedTransport.Steps(Answers.Status(200, Page(0, 100)), Answers.Status(200, Page(100, 100)), Answers.Status(200, Page(200, 50)));
        using var client = Client(transport);

        var grants = await client.ServiceTokens.ListGrantsAsync(5);

        Assert.Equal(Enumerable.Range(0, 250).Select(i => (long?)i), grants.Select(g => g.ProjectId));
        // Only the documented query parameters, as dbt Labs' client pages: offset, never limit.
        Assert.Equal(["offset=0", "offset=100", "offset=200"], transport.Requests.Select(r => r.Uri.Query.TrimStart('?')));
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"service_token_id": 5, "permissions": "assigned"}""")]
    [InlineData("""null""")]
    public async Task A_grant_on_all_projects_leaves_project_and_empty_categories_out_and_is_read_back_with_GET(string postAnswerData)
    {
        var transport = ScriptedTransport.Steps(
            Answers.Status(201, Answers.Envelope(201, postAnswerData)),
            Answers.Status(200, Answers.Envelope(200, """[{"id": 9, "account_id": 1, "service_token_id": 5, "permission_set": "member", "all_projects": true, "project_id": null, "writable_environment_categories": null, "state": 1}]""")));
        using var client = Client(transport);

        var grants = await client.ServiceTokens.AssignGrantsAsync(5,
            [new ServiceTokenGrantSpec("member", true, 10, []), new ServiceTokenGrantSpec("developer", false, 10, ["all"])]);

        var body = JsonNode.Parse(transport.Requests[0].Body!)!.AsArray();
        Assert.Equal("""[{"account_id":1,"service_token_id":5,"permission_set":"member","all_projects":true},""" +
                     """{"account_id":1,"service_token_id":5,"permission_set":"developer","all_projects":false,"project_id":10,"writable_environment_categories":["all"]}]""",
            body.ToJsonString());
        Assert.Equal("GET", transport.Requests[1].Method);
        var grant = Assert.Single(grants);
        Assert.Equal(9, grant.Id);
        Assert.Empty(grant.WritableEnvironmentCategories);
    }

    [Fact]
    public async Task Token_strings_never_appear_in_to_string()
    {
        // Issue 17: a create first lists the tokens an unfinished create may have left (none here), then posts.
        var transport = ScriptedTransport.Steps(
            Answers.Status(200, Answers.Envelope(200, "[]")),
            Answers.Status(201, Answers.Envelope(201, """{"id": 5, "account_id": 1, "uid": "abc", "name": "datafold [tf-create 0123456789ab]", "state": 1, "token_string": "dbtc_SECRET"}""")),
            Answers.Status(200, Answers.Envelope(200, """{"id": 5, "account_id": 1, "uid": "abc", "name": "datafold", "state": 1}""")));
        using var client = Client(transport);

        var token = await client.ServiceTokens.CreateAsync("datafold");

        Assert.Equal("dbtc_SECRET", token.TokenString);
        Assert.Equal("datafold", token.Name);
        Assert.DoesNotContain("SECRET", token.ToString());
        Assert.Equal("""{"account_id":1,"name":"datafold [tf-create 0123456789ab]","state":1}""", transport.Requests[1].Body);
        Assert.Equal(("PUT", """{"name":"datafold"}"""), (transport.Requests[2].Method, transport.Requests[2].Body));
    }
}
