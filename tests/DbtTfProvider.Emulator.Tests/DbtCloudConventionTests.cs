using System.Net;

namespace DbtTfProvider.Emulator.Tests;

/// <summary>Envelope, auth, trailing slashes, account visibility.</summary>
public sealed class DbtCloudConventionTests : EmulatorTestBase
{
    [Fact]
    public async Task Success_answers_carry_the_envelope_with_pagination_for_lists()
    {
        var answer = await Dbt(HttpMethod.Get, "/v2/accounts/");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var status = answer.Body!["status"]!;
        Assert.Equal(200, (int)status["code"]!);
        Assert.True((bool)status["is_success"]!);
        Assert.Equal("Success!", (string)status["user_message"]!);
        Assert.Equal("", (string)status["developer_message"]!);
        Assert.Equal([1, 2], answer.Data.AsArray().Select(a => (int)a!["id"]!));
        Assert.Equal(2, (int)answer.Body["extra"]!["pagination"]!["total_count"]!);
        Assert.Equal(2, (int)answer.Body["extra"]!["pagination"]!["count"]!);
    }

    [Theory]
    [InlineData(null, "Token")]
    [InlineData("wrong", "Token")]
    [InlineData(AdminToken, "Basic")]
    public async Task Bad_credentials_answer_401_Invalid_token_in_the_envelope(string? token, string scheme)
    {
        var answer = await Dbt(HttpMethod.Get, "/v2/accounts/", token: token, scheme: scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(401, (int)answer.Body!["status"]!["code"]!);
        Assert.False((bool)answer.Body["status"]!["is_success"]!);
        Assert.Equal("Invalid token.", answer.UserMessage);
        Assert.Null(answer.Body["data"]);
    }

    [Fact]
    public async Task Bearer_is_accepted_as_well_as_Token()
    {
        var answer = await Dbt(HttpMethod.Get, "/v2/accounts/", scheme: "Bearer");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_token_sees_only_its_accounts()
    {
        var listed = await Dbt(HttpMethod.Get, "/v2/accounts/", token: "dbtc_other_token");
        var forbidden = await Dbt(HttpMethod.Get, "/v2/accounts/1/jobs/", token: "dbtc_other_token");

        Assert.Equal([2], listed.Data.AsArray().Select(a => (int)a!["id"]!));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.False((bool)forbidden.Body!["status"]!["is_success"]!);
        Assert.Contains("permission", forbidden.UserMessage);
    }

    [Fact]
    public async Task A_deleted_project_is_not_found_by_id_and_nothing_is_made_in_it()
    {
        var project = await Dbt(HttpMethod.Get, "/v3/accounts/1/projects/12/");
        var environments = await Dbt(HttpMethod.Get, "/v3/accounts/1/projects/12/environments/");

        Assert.Equal(HttpStatusCode.NotFound, project.Status);
        Assert.Equal(HttpStatusCode.NotFound, environments.Status);
    }

    [Fact]
    public async Task A_path_without_its_trailing_slash_is_redirected_to_the_slash_form()
    {
        var answer = await Dbt(HttpMethod.Get, "/v3/accounts/1/projects?limit=5");

        Assert.Equal(HttpStatusCode.MovedPermanently, answer.Status);
        Assert.Equal("/api/v3/accounts/1/projects/?limit=5", answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_paths_answer_404_in_the_envelope()
    {
        var answer = await Dbt(HttpMethod.Get, "/v2/accounts/1/nothing-here/");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.False((bool)answer.Body!["status"]!["is_success"]!);
    }

    [Theory]
    [InlineData("/v3/accounts/1/service-tokens/")]             // host_url without /api
    [InlineData("/wrong/api/v2/accounts/1/jobs/3001/")]        // host_url with a wrong path in front
    [InlineData("/api/v4/accounts/")]                         // no such API version
    public async Task Paths_outside_the_API_prefixes_answer_a_web_servers_HTML_404_without_envelope(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", AdminToken);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", text);
        Assert.DoesNotContain("\"status\"", text);
        Assert.DoesNotContain("\"detail\"", text);
    }

    [Fact]
    public async Task A_wrong_method_on_a_known_path_answers_405_in_the_envelope()
    {
        var answer = await Dbt(HttpMethod.Put, "/v2/accounts/1/jobs/3001/");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal(405, (int)answer.Body!["status"]!["code"]!);
    }

    [Fact]
    public async Task Projects_and_environments_of_an_account_are_listed_from_the_seed()
    {
        var projects = await Dbt(HttpMethod.Get, "/v3/accounts/1/projects/");
        var environments = await Dbt(HttpMethod.Get, "/v3/accounts/1/projects/10/environments/");
        var otherProject = await Dbt(HttpMethod.Get, "/v3/accounts/1/projects/20/environments/");

        // Issue 17 item 11: the list shows deleted projects too (12 "Analytics", 13 "Archive"), with state 2.
        Assert.Equal([10, 11, 12, 13], projects.Data.AsArray().Select(p => (int)p!["id"]!));
        Assert.Equal(["Analytics", "Marketing", "Analytics", "Archive"], projects.Data.AsArray().Select(p => (string)p!["name"]!));
        Assert.Equal([1, 1, 2, 2], projects.Data.AsArray().Select(p => (int)p!["state"]!));
        Assert.Equal(["The company's dbt project", "", "Deleted", ""], projects.Data.AsArray().Select(p => (string)p!["description"]!));
        var production = environments.Data.AsArray().Single(e => (int)e!["id"]! == 100)!;
        Assert.Equal("Production", (string)production["name"]!);
        Assert.Equal("deployment", (string)production["type"]!);
        Assert.Equal("production", (string)production["deployment_type"]!);
        Assert.Equal("latest", (string)production["dbt_version"]!);
        Assert.Null(environments.Data.AsArray().Single(e => (int)e!["id"]! == 101)!["deployment_type"]);
        Assert.Equal(10, (int)production["project_id"]!);
        Assert.Equal([100, 101, 102, 103], environments.Data.AsArray().Select(e => (int)e!["id"]!));
        Assert.Equal([1, 1, 2, 2], environments.Data.AsArray().Select(e => (int)e!["state"]!));
        Assert.Equal(HttpStatusCode.NotFound, otherProject.Status);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_in_the_envelope()
    {
        var answer = await Send(HttpMethod.Post, "/api/v2/accounts/1/jobs/", null,
            new System.Net.Http.Headers.AuthenticationHeaderValue("Token", AdminToken));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False((bool)answer.Body!["status"]!["is_success"]!);
    }
}
