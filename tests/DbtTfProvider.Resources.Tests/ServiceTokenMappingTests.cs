using System.Text.Json.Nodes;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Resources.Tests.Fixtures;

namespace DbtTfProvider.Resources.Tests;

/// <summary><c>dbtcloud_service_token</c>: its configuration to dbt Cloud's token and grants, and dbt Cloud's answers back to state.</summary>
public class ServiceTokenMappingTests : EmulatedProviderTests
{
    private const string Type = "dbtcloud_service_token";

    private CtyValue Token(string name, params (string Name, CtyValue Value)[][] grants) =>
        DbtCloud.Config(Type, ("name", Str(name)), ("service_token_permissions", DbtCloud.Blocks(Type, "service_token_permissions", grants)));

    private static (string, CtyValue)[] Grant(string permissionSet, long? projectId = null, params string[] categories) =>
        [("permission_set", Str(permissionSet)), ("all_projects", Bool(projectId is null)),
         ("project_id", CtyValue.NumberOrNull(projectId)),
         ("writable_environment_categories", categories.Length == 0 ? CtyValue.Null(CtyType.Set(CtyType.String)) : StringSet(categories))];

    private async Task<JsonObject> StoredTokenAsync(StateOutcome token) => await StoredAsync("dbt_cloud", "service_tokens", StrOf(token, "id"));

    private static IEnumerable<string> GrantsOf(JsonObject stored) =>
        stored["grants"]!.AsArray().Where(g => (int)g!["state"]! == 1).Select(g =>
            $"{g!["permission_set"]} all={g["all_projects"]} project={g["project_id"]?.ToString() ?? "-"} write=[{string.Join(",", g["writable_environment_categories"]!.AsArray().Select(c => (string)c!).Order(StringComparer.Ordinal))}]")
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task A_create_makes_the_token_with_each_configured_grant_and_keeps_its_secret_in_state()
    {
        var token = await DbtCloud.CreateAsync(Type, Token("datafold-ci", Grant("job_admin", 10, "production", "staging"), Grant("member")));

        var stored = await StoredTokenAsync(token);
        Assert.Equal("datafold-ci", (string)stored["name"]!);
        Assert.Equal(["job_admin all=false project=10 write=[production,staging]", "member all=true project=- write=[]"], GrantsOf(stored));
        Assert.Equal((string)stored["token_string"]!, StrOf(token, "token_string"));
        Assert.Equal((string)stored["uid"]!, StrOf(token, "uid"));
        Assert.Equal(1, NumOf(token, "account_id"));
        Assert.Equal(2, Attr(token, "service_token_permissions").Elements.Count);
    }

    [Fact]
    public async Task A_refresh_of_an_unchanged_token_changes_nothing_even_where_dbt_Cloud_answers_another_form()
    {
        // writable_environment_categories left out and [] both come back as []: neither is drift.
        (string, CtyValue)[] emptyCategories = [.. Grant("analyst", 11).SkipLast(1), ("writable_environment_categories", StringSet())];
        var config = Token("datafold-ci", Grant("job_admin", 10), emptyCategories);
        var token = await DbtCloud.CreateAsync(Type, config);

        var read = await DbtCloud.ReadAsync(Type, token);

        Assert.Empty(read.Diagnostics);
        Assert.Empty(Changed(token, read));
        var plan = await DbtCloud.PlanAsync(Type, read, config);
        Assert.Equal(read.State, plan.PlannedState);
    }

    [Fact]
    public async Task A_rename_and_a_grant_changed_in_dbt_Cloud_show_as_drift_on_name_and_permissions()
    {
        var token = await DbtCloud.CreateAsync(Type, Token("datafold-ci", Grant("job_admin", 10)));
        var id = StrOf(token, "id");
        var stored = await StoredTokenAsync(token);
        var grant = stored["grants"]![0]!.AsObject();
        grant["permission_set"] = "job_viewer";
        await EditAsync($"/dbtcloud/service-tokens/{id}", new JsonObject { ["name"] = "renamed in the UI", ["grants"] = new JsonArray(grant.DeepClone()) }.ToJsonString());

        var read = await DbtCloud.ReadAsync(Type, token);

        Assert.Equal(["name", "service_token_permissions"], Changed(token, read));
        Assert.Equal("renamed in the UI", StrOf(read, "name"));
        Assert.Equal("job_viewer", Assert.Single(Attr(read, "service_token_permissions").Elements).GetAttribute("permission_set").AsString());
        Assert.Equal(StrOf(token, "token_string"), StrOf(read, "token_string"));
    }

    [Fact]
    public async Task A_new_name_is_an_in_place_rename_of_the_same_token()
    {
        var token = await DbtCloud.CreateAsync(Type, Token("datafold-ci", Grant("member")));
        var renamedConfig = Token("datafold-ci-2", Grant("member"));

        var plan = await DbtCloud.PlanAsync(Type, token, renamedConfig);
        Assert.Empty(plan.RequiresReplace);
        var renamed = await DbtCloud.ApplyAsync(Type, token, renamedConfig);

        Assert.Empty(renamed.Diagnostics);
        Assert.Equal(StrOf(token, "id"), StrOf(renamed, "id"));
        Assert.Equal("datafold-ci-2", (string)(await StoredTokenAsync(token))["name"]!);
    }

    [Fact]
    public async Task Another_grant_replaces_the_token()
    {
        var token = await DbtCloud.CreateAsync(Type, Token("datafold-ci", Grant("member")));

        var plan = await DbtCloud.PlanAsync(Type, token, Token("datafold-ci", Grant("job_admin", 10)));

        Assert.Contains(plan.RequiresReplace, p => p.ToString() == "service_token_permissions");
    }

    [Fact]
    public async Task An_import_by_id_reads_name_and_grants_but_no_secret()
    {
        var token = await DbtCloud.CreateAsync(Type, Token("datafold-ci", Grant("job_admin", 10, "production")));

        var imported = await DbtCloud.ImportAsync(Type, StrOf(token, "id"));

        Assert.False(imported.Diagnostics.HasErrors, imported.Diagnostics.ToString());
        Assert.Equal(["token_string"], Changed(token, imported));
        Assert.True(Attr(imported, "token_string").IsNull);
    }

    [Fact]
    public async Task An_import_of_an_id_that_is_not_a_number_is_refused_naming_what_to_give()
    {
        var imported = await DbtCloud.Resource(Type).ImportAsync("datafold-ci", CancellationToken.None);

        var error = Assert.Single(imported.Diagnostics);
        Assert.Contains("datafold-ci", error.Detail, StringComparison.Ordinal);
        Assert.Contains("numeric id", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_credential_nor_the_new_token_appears_in_diagnostics_or_logs_when_an_answer_echoes_them()
    {
        // Every error answer echoes the request and its credential; the grants of the new token are refused once.
        await AdminAsync(HttpMethod.Post, "/echo", """{"enabled": true}""");
        await AdminAsync(HttpMethod.Post, "/faults", """{"method": "POST", "path": "/api/v3/accounts/1/service-tokens/1001/permissions/", "kind": "status", "status": 400, "count": 1}""");

        var tainted = await DbtCloud.ApplyAsync(Type, null, Token("datafold-ci", Grant("member")));

        var error = Assert.Single(tainted.Diagnostics);
        Assert.Equal("Service token created, but its permissions were not assigned", error.Summary);
        Assert.Contains("(redacted)", error.Detail, StringComparison.Ordinal);
        Assert.Equal("1001", StrOf(tainted, "id"));
        AssertNowhere(StrOf(tainted, "token_string"));
        AssertNowhere(DbtCloudToken);
    }
}
