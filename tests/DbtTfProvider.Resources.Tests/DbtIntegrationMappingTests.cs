using System.Text.Json.Nodes;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Resources.Tests.Fixtures;

namespace DbtTfProvider.Resources.Tests;

/// <summary><c>datafold_dbt_integration</c>: each attribute to its Datafold CI config field and back; the dbt Cloud token only when it changed.</summary>
public class DbtIntegrationMappingTests : EmulatedProviderTests
{
    private const string Type = "datafold_dbt_integration";

    // What Datafold checks in dbt Cloud (the emulator's own): a token of account 1 and active jobs of it.
    private string _token = null!;
    private string _otherToken = null!;
    private long _artifactsJobId;
    private long _ciJobId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _token = await ServiceTokenAsync("datafold-1");
        _otherToken = await ServiceTokenAsync("datafold-2");
        var job = DbtCloud.Config("dbtcloud_artifacts_job", ("project_id", Num(10)), ("environment_id", Num(100)));
        _artifactsJobId = NumOf(await DbtCloud.CreateAsync("dbtcloud_artifacts_job", job), "job_id");
        var ciJob = DbtCloud.Config("dbtcloud_ci_job", ("project_id", Num(10)), ("environment_id", Num(100)), ("deferring_environment_id", Num(100)));
        _ciJobId = NumOf(await DbtCloud.CreateAsync("dbtcloud_ci_job", ciJob), "job_id");
    }

    private async Task<string> ServiceTokenAsync(string name)
    {
        const string type = "dbtcloud_service_token";
        var grant = DbtCloud.Blocks(type, "service_token_permissions", [("permission_set", Str("job_admin")), ("all_projects", Bool(true))]);
        return StrOf(await DbtCloud.CreateAsync(type, DbtCloud.Config(type, ("name", Str(name)), ("service_token_permissions", grant))), "token_string");
    }

    private CtyValue Integration(params (string Name, CtyValue Value)[] values)
    {
        (string, CtyValue)[] required =
        [
            ("name", Str("analytics")), ("repository_id", Num(3)), ("data_source_id", Num(7)), ("dbt_cloud_account_id", Num(1)),
            ("artifacts_job_id", Num(_artifactsJobId)),
        ];
        var config = Datafold.Config(Type, required);
        foreach (var (name, value) in values) config = config.WithAttribute(name, value);
        return config.GetAttribute("dbt_cloud_api_token").IsNull && config.GetAttribute("dbt_cloud_api_token_wo").IsNull
            ? config.WithAttribute("dbt_cloud_api_token", Str(_token))
            : config;
    }

    private Task<JsonObject> StoredConfigAsync(StateOutcome integration) => StoredAsync("datafold", "ci_configs", StrOf(integration, "id"));

    private static string? StoredToken(JsonObject stored) => (string?)stored["dbt_cloud"]!["api_key"];

    [Fact]
    public async Task A_create_sends_every_setting_at_its_ci_config_field()
    {
        var integration = await Datafold.CreateAsync(Type, Integration(
            ("pull_request_job_id", Num(_ciJobId)), ("primary_key_tag", Str("pk")), ("enabled", Bool(false)), ("import_dbt_metadata", Bool(true)),
            ("slim_diff", Bool(true)), ("diff_hightouch_models", Bool(true)), ("fail_on_primary_key_issues", Bool(true)), ("require_label", Bool(true)),
            ("diff_threshold", Num(5)), ("files_to_ignore", Strings("docs/**", "*.md")), ("custom_base_branch", Str("develop"))));

        var stored = await StoredConfigAsync(integration);
        Assert.Equal(("analytics", 3, 7), ((string)stored["name"]!, (int)stored["repo_id"]!, (int)stored["data_source_id"]!));
        var dbtCloud = stored["dbt_cloud"]!;
        Assert.Equal((1, _artifactsJobId, _ciJobId), ((long)dbtCloud["account_id"]!, (long)dbtCloud["artifacts_job_id"]!, (long)dbtCloud["ci_job_id"]!));
        Assert.Equal(_token, StoredToken(stored));
        Assert.Equal("pk", (string)stored["primary_key_tag"]!);
        Assert.Equal((false, true, true, true, true, true),
            ((bool)stored["enabled"]!, (bool)stored["import_dbt_metadata"]!, (bool)stored["slim_diff"]!, (bool)stored["diff_hightouch_models"]!,
             (bool)stored["fail_on_primary_key_issues"]!, (bool)stored["require_label"]!));
        Assert.Equal(5, (int)stored["diff_threshold"]!);
        Assert.Equal(["docs/**", "*.md"], stored["files_to_ignore"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("develop", (string)stored["custom_base_branch"]!);
        Assert.Equal(1, NumOf(integration, "organization_id"));
        Assert.Equal(StrOf(integration, "id"), stored["id"]!.ToString());
    }

    [Fact]
    public async Task The_dbt_Cloud_address_is_sent_as_the_access_URL_and_the_state_keeps_the_form_written()
    {
        var integration = await Datafold.CreateAsync(Type, Integration(("dbt_cloud_host_url", Str("https://emea.dbt.com/api/"))));

        Assert.Equal("https://emea.dbt.com", (string)(await StoredConfigAsync(integration))["dbt_cloud"]!["host_url"]!);
        Assert.Equal("https://emea.dbt.com/api/", StrOf(integration, "dbt_cloud_host_url"));
        Assert.Empty(Changed(integration, await Datafold.ReadAsync(Type, integration)));
    }

    [Fact]
    public async Task Fields_datafold_fills_in_when_they_are_not_written_are_taken_into_state()
    {
        var integration = await Datafold.CreateAsync(Type, Integration());

        var stored = await StoredConfigAsync(integration);
        Assert.Equal((bool)stored["fail_on_errors"]!, BoolOf(integration, "fail_on_errors"));
        Assert.Equal((string)stored["base_commit_strategy"]!, StrOf(integration, "base_commit_strategy"));
        Assert.Null(stored["sampling"]);
    }

    [Fact]
    public async Task The_sampling_block_is_sent_and_read_back_with_the_numbers_as_written()
    {
        var config = Integration(("sampling", Datafold.Block(Type, "sampling",
            ("enabled", Bool(true)), ("tolerance", CtyValue.Number(CtyNumber.Parse("0.1"))), ("confidence", Num(99)), ("threshold", Num(100000)))));
        var integration = await Datafold.CreateAsync(Type, config);

        var sampling = (await StoredConfigAsync(integration))["sampling"]!;
        Assert.Equal((true, 0.1, 99.0, 100000), ((bool)sampling["enabled"]!, (double)sampling["tolerance"]!, (double)sampling["confidence"]!, (int)sampling["threshold"]!));
        var read = await Datafold.ReadAsync(Type, integration);
        Assert.Empty(Changed(integration, read));
        Assert.Equal("0.1", Attr(read, "sampling").GetAttribute("tolerance").AsNumber().ToString());
    }

    [Fact]
    public async Task Edits_made_in_Datafold_show_as_drift_on_their_attributes()
    {
        var integration = await Datafold.CreateAsync(Type, Integration(("pull_request_job_id", Num(_ciJobId))));
        await EditAsync($"/datafold/ci/{StrOf(integration, "id")}",
            """{"enabled": false, "files_to_ignore": ["tmp/**"], "dbt_cloud": {"ci_job_id": 3005}, "diff_threshold": 10}""");

        var read = await Datafold.ReadAsync(Type, integration);

        Assert.Equal(["diff_threshold", "enabled", "files_to_ignore", "pull_request_job_id"], Changed(integration, read));
        Assert.Equal((false, 3005, 10), (BoolOf(read, "enabled"), NumOf(read, "pull_request_job_id"), NumOf(read, "diff_threshold")));
        Assert.Equal(["tmp/**"], StringsOf(read, "files_to_ignore"));
        Assert.Equal(_token, StrOf(read, "dbt_cloud_api_token"));
    }

    [Fact]
    public async Task An_update_that_does_not_change_the_token_leaves_the_one_Datafold_holds_and_a_new_token_is_sent()
    {
        var integration = await Datafold.CreateAsync(Type, Integration());
        // The token was rotated in Datafold's UI: an apply that does not change it in Terraform must not put the old one back.
        await EditAsync($"/datafold/ci/{StrOf(integration, "id")}", new JsonObject { ["dbt_cloud"] = new JsonObject { ["api_key"] = DbtCloudToken } }.ToJsonString());

        var renamed = await Datafold.ApplyAsync(Type, integration, Integration(("name", Str("analytics-2"))));
        Assert.Empty(renamed.Diagnostics);
        var stored = await StoredConfigAsync(integration);
        Assert.Equal(("analytics-2", DbtCloudToken), ((string)stored["name"]!, StoredToken(stored)));

        var rotated = await Datafold.ApplyAsync(Type, renamed, Integration(("name", Str("analytics-2")), ("dbt_cloud_api_token", Str(_otherToken))));
        Assert.Empty(rotated.Diagnostics);
        Assert.Equal(_otherToken, StoredToken(await StoredConfigAsync(integration)));
    }

    [Fact]
    public async Task The_write_only_token_is_sent_on_create_and_again_only_when_its_version_changes_and_never_kept_in_state()
    {
        CtyValue WriteOnly(string token, long version, string name = "analytics") =>
            Integration(("name", Str(name)), ("dbt_cloud_api_token_wo", Str(token)), ("dbt_cloud_api_token_wo_version", Num(version)));
        var integration = await Datafold.CreateAsync(Type, WriteOnly(_token, 1));
        Assert.Equal(_token, StoredToken(await StoredConfigAsync(integration)));
        Assert.True(Attr(integration, "dbt_cloud_api_token_wo").IsNull);

        var renamed = await Datafold.ApplyAsync(Type, integration, WriteOnly(_otherToken, 1, "analytics-2"));
        Assert.Empty(renamed.Diagnostics);
        Assert.Equal(_token, StoredToken(await StoredConfigAsync(integration)));

        var rotated = await Datafold.ApplyAsync(Type, renamed, WriteOnly(_otherToken, 2, "analytics-2"));
        Assert.Empty(rotated.Diagnostics);
        Assert.Equal(_otherToken, StoredToken(await StoredConfigAsync(integration)));
    }

    [Fact]
    public async Task An_import_by_id_reads_everything_but_the_token_which_Datafold_never_returns()
    {
        var config = Integration(("pull_request_job_id", Num(_ciJobId)), ("files_to_ignore", Strings("docs/**")), ("slim_diff", Bool(true)));
        var integration = await Datafold.CreateAsync(Type, config);

        var imported = await Datafold.ImportAsync(Type, StrOf(integration, "id"));

        Assert.False(imported.Diagnostics.HasErrors, imported.Diagnostics.ToString());
        Assert.Equal(["dbt_cloud_api_token"], Changed(integration, imported));
        Assert.True(Attr(imported, "dbt_cloud_api_token").IsNull);
        Assert.Equal(1, NumOf(imported, "organization_id"));
    }

    [Fact]
    public async Task Neither_the_dbt_Cloud_token_nor_the_API_key_appears_in_diagnostics_or_logs_when_Datafold_echoes_the_request()
    {
        await AdminAsync(HttpMethod.Post, "/echo", """{"enabled": true}""");

        // Repository 4 belongs to another organisation: Datafold refuses it, echoing the body it was sent.
        var refused = await Datafold.ApplyAsync(Type, null, Integration(("repository_id", Num(4))));

        Assert.True(refused.Diagnostics.HasErrors);
        Assert.Contains(refused.Diagnostics, d => d.Detail.Contains("(redacted)", StringComparison.Ordinal));
        AssertNowhere(_token);
        AssertNowhere(DatafoldApiKey);
    }
}
