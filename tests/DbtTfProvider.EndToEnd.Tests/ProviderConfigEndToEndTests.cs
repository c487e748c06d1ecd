namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The <c>dbtcloud</c> provider block as a user meets it: settings from the environment, and a credential check at
/// start-up whose errors say which setting to fix.
/// </summary>
public sealed class ProviderConfigEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string AccountsList = "GET /api/v2/accounts/";

    private const string OneToken = """
        resource "dbtcloud_service_token" "t" {
          name = "st-config"
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
        }
        """;

    private TerraformCli Workspace(string name, params (string Name, string? Value)[] environment)
    {
        var tf = TerraformCli.InNewDirectory(fixture, name).WriteConfig(OneToken);
        foreach (var (key, value) in environment) tf.Runner.Environment[key] = value;
        return tf;
    }

    private static string Unwrapped(string output) => string.Join(' ', output.Split('\n', StringSplitOptions.TrimEntries));

    [Theory]
    [InlineData("DBT_CLOUD_TOKEN", "dbtc_not_a_real_token", "Invalid dbt Cloud token", "Check token (or DBT_CLOUD_TOKEN)")]
    [InlineData("DBT_CLOUD_ACCOUNT_ID", "999", "dbt Cloud account not accessible", "does not show it account 999")]
    [InlineData("DBT_CLOUD_HOST_URL", "http://dbt.example.com/api", "Invalid dbtcloud provider setting", "plain http://")]
    [InlineData("DBT_CLOUD_TOKEN", null, "Missing dbt Cloud token", "DBT_CLOUD_TOKEN environment variable")]
    [InlineData("DBT_CLOUD_ACCOUNT_ID", "abc", "Invalid environment variable", "DBT_CLOUD_ACCOUNT_ID")]
    public async Task A_bad_setting_fails_the_plan_with_a_message_that_says_what_to_fix(string variable, string? value, string summary, string detail)
    {
        var tf = Workspace("config-" + variable.ToLowerInvariant(), (variable, value));
        var result = (await tf.PlanAsync()).Expect(1);
        Assert.Contains("Error: " + summary, result.Output);
        Assert.Contains(detail, Unwrapped(result.Output));
        Assert.DoesNotContain("dbtc_admin_token", result.Output);
        Assert.DoesNotContain("dbtc_not_a_real_token", result.Output);
    }

    [Fact]
    public async Task Credentials_are_checked_once_per_provider_start_unless_skipped()
    {
        var tf = Workspace("config-check");
        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(2);
        Assert.Equal(1, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), k => k == AccountsList));

        // With the check skipped, a plan that needs no API call makes none, even with a wrong token.
        var skipped = Workspace("config-skip", ("DBT_CLOUD_TOKEN", "dbtc_not_a_real_token"));
        skipped.Runner.WriteConfig($$"""
            terraform {
              required_providers {
                dbtcloud = { source = "{{ProviderFixture.DbtCloudAddress}}" }
              }
            }
            provider "dbtcloud" {
              skip_credentials_validation = true
            }
            {{OneToken}}
            """);
        before = await fixture.RequestCountsAsync();
        (await skipped.PlanAsync()).Expect(2);
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), k => k == AccountsList));
    }

    private const string OneIntegration = """
        resource "datafold_dbt_integration" "ci" {
          name                 = "config-check"
          repository_id        = 3
          data_source_id       = 7
          dbt_cloud_account_id = 1
          dbt_cloud_api_token  = "dbtc_admin_token"
          artifacts_job_id     = 1
        }
        """;

    [Theory]
    [InlineData("df_not_a_key", null, 1, "Invalid Datafold API key")]
    [InlineData(null, "df_api_key", 2, null)]
    [InlineData(null, null, 1, "Missing Datafold API key")]
    public async Task The_datafold_key_comes_from_DATAFOLD_API_KEY_then_DATAFOLD_APIKEY_and_is_checked(string? apiKey, string? legacyKey, int exitCode, string? error)
    {
        var tf = TerraformCli.InNewDirectory(fixture, "config-datafold").WriteConfig(OneIntegration);
        tf.Runner.Environment["DATAFOLD_API_KEY"] = apiKey;
        tf.Runner.Environment["DATAFOLD_APIKEY"] = legacyKey;
        var result = (await tf.PlanAsync()).Expect(exitCode);
        if (error is not null) Assert.Contains("Error: " + error, result.Output);
        Assert.DoesNotContain("df_not_a_key", result.Output);
    }
}
