using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.Emulator.Tests;

public sealed class ServiceTokenTests : EmulatorTestBase
{
    private const string Tokens = "/v3/accounts/1/service-tokens/";

    private static JsonObject NewToken(string name = "datafold") => new() { ["account_id"] = 1, ["name"] = name, ["state"] = 1 };

    /// <summary>A grant as dbt Labs' client sends it: project_id left out for all projects.</summary>
    private static JsonObject Grant(string permissionSet = "member", bool allProjects = true, int? projectId = null, params string[] categories)
    {
        var grant = new JsonObject
        {
            ["permission_set"] = permissionSet,
            ["all_projects"] = allProjects,
            ["writable_environment_categories"] = new JsonArray(categories.Select(c => (JsonNode)c).ToArray()),
        };
        if (projectId is not null)
        {
            grant["project_id"] = projectId;
        }
        return grant;
    }

    [Fact]
    public async Task Create_returns_the_secret_once_and_reads_never_show_it()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, NewToken());
        var id = (int)created.Data["id"]!;
        var read = await Dbt(HttpMethod.Get, $"{Tokens}{id}/");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Matches(new Regex("^dbtc_[A-Za-z0-9_-]{40}$"), (string)created.Data["token_string"]!);
        Assert.Matches(new Regex("^[a-z0-9]{8}$"), (string)created.Data["uid"]!);
        Assert.Equal(1, (int)created.Data["state"]!);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("datafold", (string)read.Data["name"]!);
        Assert.Equal((string)created.Data["uid"]!, (string)read.Data["uid"]!);
        Assert.False(read.Data.AsObject().ContainsKey("token_string"));
        Assert.NotNull(read.Data["created_at"]);
    }

    [Fact]
    public async Task Each_token_gets_its_own_secret_and_id()
    {
        var first = await Dbt(HttpMethod.Post, Tokens, NewToken("a"));
        var second = await Dbt(HttpMethod.Post, Tokens, NewToken("b"));

        Assert.NotEqual((int)first.Data["id"]!, (int)second.Data["id"]!);
        Assert.NotEqual((string)first.Data["token_string"]!, (string)second.Data["token_string"]!);
    }

    [Fact]
    public async Task Rename_keeps_the_token_and_its_secret()
    {
        var (id, secret) = await CreateServiceToken("old name");

        var renamed = await Dbt(HttpMethod.Put, $"{Tokens}{id}/", new JsonObject { ["name"] = "new name" });
        var dump = await StateDump();

        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal("new name", (string)renamed.Data["name"]!);
        var stored = dump["dbt_cloud"]!["service_tokens"]!.AsArray().Single(t => (int)t!["id"]! == id)!;
        Assert.Equal("new name", (string)stored["name"]!);
        Assert.Equal(secret, (string)stored["token_string"]!);
    }

    [Fact]
    public async Task Delete_is_soft_a_deleted_token_reads_200_with_state_2()
    {
        var (id, _) = await CreateServiceToken();

        var deleted = await Dbt(HttpMethod.Delete, $"{Tokens}{id}/");
        var read = await Dbt(HttpMethod.Get, $"{Tokens}{id}/");
        var deletedAgain = await Dbt(HttpMethod.Delete, $"{Tokens}{id}/");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Null(deleted.Body);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(2, (int)read.Data["state"]!);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.Status);
    }

    [Fact]
    public async Task Unknown_and_other_account_tokens_are_404()
    {
        var (id, _) = await CreateServiceToken();

        var unknown = await Dbt(HttpMethod.Get, $"{Tokens}999999/");
        var wrongAccount = await Dbt(HttpMethod.Get, $"/v3/accounts/2/service-tokens/{id}/");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.False((bool)unknown.Body!["status"]!["is_success"]!);
        Assert.Equal(HttpStatusCode.NotFound, wrongAccount.Status);
    }

    [Fact]
    public async Task Grants_can_be_assigned_once()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, NewToken());
        var id = (int)created.Data["id"]!;

        var first = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(Grant()));
        var second = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(Grant("developer")));
        var listed = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        var grant = first.Data.AsArray().Single()!;
        Assert.Equal("member", (string)grant["permission_set"]!);
        Assert.True((bool)grant["all_projects"]!);
        Assert.Null(grant["project_id"]);
        Assert.Equal(id, (int)grant["service_token_id"]!);
        Assert.Equal(1, (int)grant["state"]!);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("Service token permissions cannot be updated after assigment. Please create a new service token.", second.UserMessage);
        Assert.Equal(["member"], listed.Data.AsArray().Select(g => (string)g!["permission_set"]!));
    }

    [Fact]
    public async Task Grants_on_all_projects_name_no_project()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, NewToken());
        var id = (int)created.Data["id"]!;

        var granted = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(Grant(projectId: 10)));

        Assert.Null(granted.Data[0]!["project_id"]);
    }

    [Fact]
    public async Task Invalid_grants_answer_400_with_the_reason_at_the_offending_element_and_field()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, NewToken());
        var id = (int)created.Data["id"]!;

        var answer = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(
            Grant(),
            Grant("superuser"),
            Grant("developer", allProjects: false, projectId: null),
            Grant("developer", true, null, "production", "prod")));
        var listed = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var data = answer.Data.AsArray();
        Assert.Null(data[0]);
        Assert.Equal("not a valid value", (string)data[1]!["permission_set"]!);
        Assert.Contains("project_id", (string)data[2]!["project_id"]!);
        var categories = data[3]!["writable_environment_categories"]!.AsArray();
        Assert.Null(categories[0]);
        Assert.Contains("'production'", (string)categories[1]!);
        Assert.Empty(listed.Data.AsArray());
    }

    [Fact]
    public async Task A_grant_on_a_project_of_another_account_is_a_business_rule_400()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, NewToken());
        var id = (int)created.Data["id"]!;

        var answer = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(Grant("member", allProjects: false, projectId: 20)));
        var retried = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(Grant("member", allProjects: false, projectId: 10)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("Project 20", answer.UserMessage);
        Assert.NotNull(answer.Data[0]!["project_id"]);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.Equal(10, (int)retried.Data[0]!["project_id"]!);
    }

    [Fact]
    public async Task Grants_are_listed_in_pages_of_100_by_offset()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, NewToken());
        var id = (int)created.Data["id"]!;
        var grants = new JsonArray(Enumerable.Range(0, 130).Select(_ => (JsonNode)Grant("job_viewer")).ToArray());
        await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", grants);

        var first = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/");
        var second = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/?offset=100");
        var tooMany = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/?limit=101");

        Assert.Equal(100, first.Data.AsArray().Count);
        Assert.Equal(100, (int)first.Body!["extra"]!["pagination"]!["count"]!);
        Assert.Equal(130, (int)first.Body["extra"]!["pagination"]!["total_count"]!);
        Assert.Equal(30, second.Data.AsArray().Count);
        var ids = first.Data.AsArray().Concat(second.Data.AsArray()).Select(g => (int)g!["id"]!).ToList();
        Assert.Equal(130, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.False((bool)tooMany.Body!["status"]!["is_success"]!);
    }

    [Fact]
    public async Task A_service_token_is_a_valid_credential_for_its_account_while_active()
    {
        var (id, secret) = await CreateServiceToken();

        var asToken = await Dbt(HttpMethod.Get, "/v2/accounts/", token: secret, scheme: "Bearer");
        var otherAccount = await Dbt(HttpMethod.Get, "/v2/accounts/2/jobs/", token: secret);
        await Dbt(HttpMethod.Delete, $"{Tokens}{id}/");
        var afterDelete = await Dbt(HttpMethod.Get, "/v2/accounts/", token: secret);

        Assert.Equal([1], asToken.Data.AsArray().Select(a => (int)a!["id"]!));
        Assert.Equal(HttpStatusCode.Forbidden, otherAccount.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.Status);
    }

    [Fact]
    public async Task A_nameless_token_is_a_400_at_name()
    {
        var answer = await Dbt(HttpMethod.Post, Tokens, new JsonObject { ["account_id"] = 1, ["state"] = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("required key not provided", (string)answer.Data["name"]!);
    }

    [Fact]
    public async Task The_token_list_filters_by_state_pages_by_offset_and_never_shows_secrets()
    {
        var (keptId, _) = await CreateServiceToken("datafold");
        var (deletedId, _) = await CreateServiceToken("datafold");
        var (otherId, _) = await CreateServiceToken("something else");
        await Dbt(HttpMethod.Delete, $"{Tokens}{deletedId}/");

        var active = await Dbt(HttpMethod.Get, $"{Tokens}?state=1");
        var fromSecond = await Dbt(HttpMethod.Get, $"{Tokens}?offset=1&include_related=permissions");
        var all = await Dbt(HttpMethod.Get, Tokens);

        Assert.Equal([keptId, otherId], active.Data.AsArray().Select(t => (int)t!["id"]!));
        Assert.Equal([deletedId, otherId], fromSecond.Data.AsArray().Select(t => (int)t!["id"]!));
        Assert.Equal(3, (int)all.Body!["extra"]!["pagination"]!["total_count"]!);
        Assert.All(all.Data.AsArray(), t => Assert.False(t!.AsObject().ContainsKey("token_string")));
    }

    [Theory]
    [InlineData("?limit=100", "Additional properties are not allowed ('limit' was unexpected)")]
    [InlineData("?offset=0&limit=10&name=x", "Additional properties are not allowed ('limit', 'name' were unexpected)")]
    public async Task The_token_list_and_grant_list_refuse_undocumented_query_parameters(string query, string reason)
    {
        var (id, _) = await CreateServiceToken();

        var list = await Dbt(HttpMethod.Get, Tokens + query);
        var grants = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/{query}");

        foreach (var answer in new[] { list, grants })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal(reason, (string?)answer.Data);
        }
    }

    [Fact]
    public async Task A_grant_body_is_typed_as_the_spec_says_project_id_left_out_not_null()
    {
        var (id, _) = await NewTokenId();
        var withNull = Grant();
        withNull["project_id"] = null;

        var refused = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(withNull));
        var nullCategories = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/",
            new JsonArray(new JsonObject { ["permission_set"] = "member", ["all_projects"] = true, ["writable_environment_categories"] = null }));
        var omitted = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/",
            new JsonArray(new JsonObject { ["permission_set"] = "developer", ["all_projects"] = true }));
        var listed = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("expected int", (string?)refused.Data[0]!["project_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, nullCategories.Status);
        Assert.Equal("expected list", (string?)nullCategories.Data[0]!["writable_environment_categories"]);
        Assert.Equal(HttpStatusCode.Created, omitted.Status);
        var grant = Assert.Single(listed.Data.AsArray())!;
        Assert.Null(grant["project_id"]);
        Assert.Empty(grant["writable_environment_categories"]!.AsArray());
    }

    [Fact]
    public async Task A_create_with_permission_grants_makes_the_token_and_its_grants_in_one_request()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, new JsonObject
        {
            ["name"] = "one request",
            ["permission_grants"] = new JsonArray(
                new JsonObject { ["permission_set"] = "member" },
                new JsonObject { ["permission_set"] = "developer", ["project_id"] = 10, ["writable_environment_categories"] = new JsonArray("all") }),
        });
        var id = (int)created.Data["id"]!;
        var listed = await Dbt(HttpMethod.Get, $"{Tokens}{id}/permissions/");
        var again = await Dbt(HttpMethod.Post, $"{Tokens}{id}/permissions/", new JsonArray(Grant()));
        var unknownKey = await Dbt(HttpMethod.Post, Tokens, new JsonObject { ["name"] = "x", ["permissions"] = new JsonArray() });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.NotNull((string?)created.Data["token_string"]);
        Assert.Equal(2, created.Data["permission_grants"]!.AsArray().Count);
        var grants = listed.Data.AsArray().Select(g => g!.AsObject()).ToList();
        Assert.Equal(["member", "developer"], grants.Select(g => (string)g["permission_set"]!));
        Assert.True((bool)grants[0]["all_projects"]!);
        Assert.Null(grants[0]["project_id"]);
        Assert.False((bool)grants[1]["all_projects"]!);
        Assert.Equal(10, (int)grants[1]["project_id"]!);
        Assert.Equal(["all"], grants[1]["writable_environment_categories"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKey.Status);
        Assert.Equal("Additional properties are not allowed ('permissions' was unexpected)", (string?)unknownKey.Data);
    }

    private async Task<(int Id, JsonNode Token)> NewTokenId()
    {
        var created = await Dbt(HttpMethod.Post, Tokens, NewToken());
        return ((int)created.Data["id"]!, created.Data);
    }

    [Fact]
    public async Task Concurrent_creates_all_land_with_distinct_ids()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Dbt(HttpMethod.Post, Tokens, NewToken($"t{i}"))));
        var dump = await StateDump();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(20, answers.Select(a => (int)a.Data["id"]!).Distinct().Count());
        Assert.Equal(20, dump["dbt_cloud"]!["service_tokens"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_name_of_more_than_255_characters_is_refused_on_create_and_on_rename()
    {
        var atLimit = await Dbt(HttpMethod.Post, Tokens, NewToken(new string('t', 255)));
        var tooLong = await Dbt(HttpMethod.Post, Tokens, NewToken(new string('t', 256)));
        var rename = await Dbt(HttpMethod.Put, $"{Tokens}{(int)atLimit.Data["id"]!}/", new JsonObject { ["name"] = new string('r', 256) });

        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("length of value must be at most 255", tooLong.Body!.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, rename.Status);
    }
}
