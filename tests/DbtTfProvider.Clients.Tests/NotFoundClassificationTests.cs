using System.Net;
using System.Text;
using DbtTfProvider.Datafold;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests;

/// <summary>
/// When a client says an object is gone (<see cref="ObjectGoneException"/>) and when a not-found answer stays an error:
/// only the service, confirmed, may make the provider forget a live object.
/// </summary>
public sealed class NotFoundClassificationTests
{
    private const string NotFoundMessage = "The requested resource was not found, or this token does not have permission to access it.";
    private const string ProxyPage = "<html><body><h1>404 Not Found</h1><hr>nginx</body></html>";

    private static DbtCloudClient DbtCloud(ScriptedTransport transport) => DbtCloudClient.Create(new DbtCloudClientOptions
    {
        HostUrl = "https://cloud.test/api/",
        AccountId = 1,
        Token = "dbtc_test_token",
        MaxRetries = 0,
        Transport = transport,
    });

    private static DatafoldClient Datafold(ScriptedTransport transport) => DatafoldClient.Create(new DatafoldClientOptions
    {
        Host = "https://app.datafold.test/",
        ApiKey = "df_test_key",
        MaxRetries = 0,
        Transport = transport,
    });

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Envelope404 =>
        Answers.Status(404, Answers.Envelope(404, "null", NotFoundMessage));

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Html(int status) => (_, _) =>
        Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(ProxyPage, Encoding.UTF8, "text/html") });

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Ok(string data) =>
        Answers.Status(200, Answers.Envelope(200, data));

    private const string ActiveToken = """{"id": 5, "account_id": 1, "name": "ci", "state": 1, "uid": "abc"}""";
    private const string DeletedToken = """{"id": 5, "account_id": 1, "name": "ci", "state": 2, "uid": "abc"}""";
    private const string ActiveJob = """{"id": 7, "account_id": 1, "project_id": 10, "environment_id": 100, "name": "a", "state": 1, "execute_steps": ["dbt compile"]}""";

    private static string TokenList(string items, int total) =>
        Answers.Envelope(200, $"[{items}]").Replace("}, \"data\"", $"}}, \"extra\": {{\"pagination\": {{\"count\": {total}, \"total_count\": {total}}}}}, \"data\"");

    [Fact]
    public async Task A_token_answered_with_state_2_is_gone_without_another_request()
    {
        var transport = ScriptedTransport.Steps(Ok(DeletedToken));
        using var client = DbtCloud(transport);

        var gone = await Assert.ThrowsAsync<ObjectGoneException>(() => client.ServiceTokens.GetAsync(5));

        Assert.Equal("service token 5", gone.What);
        Assert.Contains("state 2", gone.Evidence);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task A_token_404_while_the_token_list_shows_it_active_is_a_stray_and_the_token_is_read_again()
    {
        var transport = ScriptedTransport.Steps(Envelope404, Answers.Status(200, TokenList(ActiveToken, 1)), Ok(ActiveToken));
        using var client = DbtCloud(transport);

        var token = await client.ServiceTokens.GetAsync(5);

        Assert.Equal(5, token.Id);
        Assert.Equal(["GET /api/v3/accounts/1/service-tokens/5/", "GET /api/v3/accounts/1/service-tokens/", "GET /api/v3/accounts/1/service-tokens/5/"],
            transport.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
    }

    [Fact]
    public async Task A_token_404_that_stays_while_the_list_shows_it_active_is_an_error_not_gone()
    {
        var transport = ScriptedTransport.Steps(Envelope404, Answers.Status(200, TokenList(ActiveToken, 1)), Envelope404);
        using var client = DbtCloud(transport);

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.ServiceTokens.GetAsync(5));

        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Contains("shows it as active", error.Message);
    }

    [Fact]
    public async Task A_token_404_confirmed_by_a_list_without_it_is_gone()
    {
        var transport = ScriptedTransport.Steps(Envelope404, Answers.Status(200, TokenList("""{"id": 6, "account_id": 1, "name": "x", "state": 1}""", 1)));
        using var client = DbtCloud(transport);

        var gone = await Assert.ThrowsAsync<ObjectGoneException>(() => client.ServiceTokens.GetAsync(5));

        Assert.Contains("does not hold it", gone.Evidence);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("job")]
    [InlineData("ci")]
    public async Task A_404_page_that_is_not_the_service_is_never_gone_and_asks_nothing_more(string kind)
    {
        var transport = ScriptedTransport.Steps(Html(404));
        using var dbt = DbtCloud(transport);
        using var datafold = Datafold(transport);

        ServiceApiException error = kind switch
        {
            "token" => await Assert.ThrowsAsync<DbtCloudApiException>(() => dbt.ServiceTokens.GetAsync(5)),
            "job" => await Assert.ThrowsAsync<DbtCloudApiException>(() => dbt.Jobs.GetAsync(7, 10)),
            _ => await Assert.ThrowsAsync<DatafoldApiException>(() => datafold.CiConfigs.GetAsync(12)),
        };

        Assert.Equal(ApiErrorKind.Unexpected, error.Kind);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("does not lead to the", error.Message);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task A_datafold_404_with_json_but_no_detail_is_not_datafold_speaking()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(404, """{"message": "no route"}"""));
        using var client = Datafold(transport);

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => client.CiConfigs.GetAsync(12));

        Assert.Equal(ApiErrorKind.Unexpected, error.Kind);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task A_job_404_once_is_a_stray_and_the_second_read_wins()
    {
        var transport = ScriptedTransport.Steps(Envelope404, Ok(ActiveJob));
        using var client = DbtCloud(transport);

        var job = await client.Jobs.GetAsync(7, 10);

        Assert.Equal(7, job.Id);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task A_job_404_twice_with_its_project_visible_is_gone()
    {
        var transport = ScriptedTransport.Steps(Envelope404, Envelope404, Ok("""[{"id": 10, "account_id": 1, "name": "p"}]"""));
        using var client = DbtCloud(transport);

        var gone = await Assert.ThrowsAsync<ObjectGoneException>(() => client.Jobs.GetAsync(7, 10));

        Assert.Equal("job 7", gone.What);
        Assert.Equal("GET /api/v3/accounts/1/projects/", $"{transport.Requests[2].Method} {transport.Requests[2].Uri.AbsolutePath}");
    }

    [Fact]
    public async Task A_job_404_twice_while_its_project_is_not_visible_is_an_error_that_names_permissions()
    {
        var transport = ScriptedTransport.Steps(Envelope404, Envelope404, Ok("""[{"id": 11, "account_id": 1, "name": "other"}]"""));
        using var client = DbtCloud(transport);

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(7, 10));

        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Contains("cannot see the job's project 10", error.Message);
        Assert.Contains("permissions", error.Message);
    }

    [Fact]
    public async Task A_404_that_only_blames_permissions_is_not_permitted_not_gone_and_is_not_read_again()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(404, Answers.Envelope(404, "null", "You do not have permission to access this resource.")));
        using var client = DbtCloud(transport);

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.GetAsync(7, 10));

        Assert.Equal(ApiErrorKind.Forbidden, error.Kind);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task A_delete_that_answers_404_for_a_job_that_still_reads_is_an_error()
    {
        var transport = ScriptedTransport.Steps(Envelope404, Ok(ActiveJob));
        using var client = DbtCloud(transport);

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Jobs.DeleteAsync(7, 10));

        Assert.Contains("still reads as active", error.Message);
    }

    [Fact]
    public async Task A_ci_config_404_once_is_a_stray_and_twice_plus_a_list_without_it_is_gone()
    {
        const string notFound = """{"detail": "CI config not found"}""";
        const string config = """{"id": 12, "type": "dbt_cloud", "name": "ci", "repo_id": 3, "data_source_id": 7, "dbt_cloud": {"account_id": 1, "artifacts_job_id": 55}}""";
        var stray = ScriptedTransport.Steps(Answers.Status(404, notFound), Answers.Status(200, config));
        using (var client = Datafold(stray))
            Assert.Equal(12, (await client.CiConfigs.GetAsync(12)).Id);

        var gone = ScriptedTransport.Steps(Answers.Status(404, notFound), Answers.Status(404, notFound), Answers.Status(200, "[]"));
        using (var client = Datafold(gone))
            Assert.Equal("CI config 12", (await Assert.ThrowsAsync<ObjectGoneException>(() => client.CiConfigs.GetAsync(12))).What);

        var listed = ScriptedTransport.Steps(Answers.Status(404, notFound), Answers.Status(404, notFound), Answers.Status(200, $"[{config}]"));
        using (var client = Datafold(listed))
            Assert.Contains("list still holds it", (await Assert.ThrowsAsync<DatafoldApiException>(() => client.CiConfigs.GetAsync(12))).Message);
    }
}
