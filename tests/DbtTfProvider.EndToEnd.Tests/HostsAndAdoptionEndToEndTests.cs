using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static DbtTfProvider.EndToEnd.Tests.ProviderFixture;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// A team adopting the provider as it would: host URLs in the forms people paste (accepted and normalised, or refused
/// with the value to write instead), an existing token imported into a configuration with rotation triggers, and a
/// configuration generated for an existing integration. Real terraform, the AOT provider, the emulator on loopback.
/// </summary>
public sealed class HostsAndAdoptionEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string OneToken = """
        resource "dbtcloud_service_token" "t" {
          name = "st-hosts"
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
        }
        """;

    private const string OneIntegration = """
        resource "datafold_dbt_integration" "ci" {
          name                 = "hosts"
          repository_id        = 3
          data_source_id       = 7
          dbt_cloud_account_id = 1
          dbt_cloud_api_token  = "dbtc_admin_token"
          artifacts_job_id     = 1
        }
        """;

    private static string Unwrapped(string output) => string.Join(' ', output.Split('\n', StringSplitOptions.TrimEntries));

    private static void AssertShows(TerraformResult result, string text) =>
        Assert.True(Unwrapped(result.Output).Contains(text, StringComparison.Ordinal), $"expected \"{text}\" in\n{result}");

    /// <summary>A workspace whose provider debug log goes to a file (the normalisation is logged there).</summary>
    private (TerraformCli Tf, string LogPath) Logged(string name, string hcl)
    {
        var tf = TerraformCli.InNewDirectory(fixture, name).WriteConfig(hcl);
        var log = Path.Combine(tf.WorkingDirectory, "provider.log");
        tf.Runner.Environment["TF_LOG_PROVIDER"] = "DEBUG";
        tf.Runner.Environment["TF_LOG_PATH"] = log;
        return (tf, log);
    }

    // ---- dbt Cloud host_url / DBT_CLOUD_HOST_URL ----

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/api")]
    [InlineData("/api/")]
    [InlineData("/api/v2")]
    [InlineData("/api/v3/")]
    public async Task Every_dbt_cloud_host_form_reaches_the_admin_api(string suffix)
    {
        var written = fixture.EmulatorUrl + suffix;
        var (tf, log) = Logged("host-dbtcloud", OneToken);
        tf.Runner.Environment["DBT_CLOUD_HOST_URL"] = written;
        var before = await fixture.RequestCountsAsync();

        var plan = (await tf.PlanAsync()).Expect(2);

        Assert.Contains("dbtcloud_service_token.t will be created", plan.Output);
        // The credential check went to the API base: {host}/api/v2/accounts/, never /api/v2/v2 or a web page.
        Assert.Equal(1, Delta(before, await fixture.RequestCountsAsync(), k => k == "GET /api/v2/accounts/"));
        var normalised = Regex.IsMatch(File.ReadAllText(log), $@"host_url \\?""{Regex.Escape(written)}\\?"" is used as \\?""{Regex.Escape(fixture.EmulatorUrl)}/api\\?""");
        Assert.Equal(suffix != "/api", normalised);
    }

    [Theory]
    [InlineData("{emulator}/deploy/1/projects", "{emulator}/api")]
    [InlineData("{emulator}/api/v2/accounts/", "{emulator}/api")]
    [InlineData("http://emea.dbt.com/api", "https://emea.dbt.com/api")]
    [InlineData("emea.dbt.com", "https://emea.dbt.com/api")]
    public async Task Other_dbt_cloud_host_values_are_refused_with_the_value_to_write_before_any_request(string written, string corrected)
    {
        written = written.Replace("{emulator}", fixture.EmulatorUrl);
        corrected = corrected.Replace("{emulator}", fixture.EmulatorUrl);
        var before = await fixture.RequestCountsAsync();

        // From the environment: refused when the provider is configured.
        var fromEnvironment = TerraformCli.InNewDirectory(fixture, "host-dbtcloud-refused").WriteConfig(OneToken);
        fromEnvironment.Runner.Environment["DBT_CLOUD_HOST_URL"] = written;
        var planned = (await fromEnvironment.PlanAsync()).Expect(1);
        AssertShows(planned, "Error: Invalid dbtcloud provider setting");
        AssertShows(planned, $"host_url \"{written}\"");
        AssertShows(planned, $"use \"{corrected}\"");

        // In the provider block: refused at validate, at the attribute.
        var inBlock = TerraformCli.InNewDirectory(fixture, "host-dbtcloud-block");
        inBlock.Runner.WriteConfig($$"""
            terraform {
              required_providers {
                dbtcloud = { source = "{{DbtCloudAddress}}" }
              }
            }
            provider "dbtcloud" {
              host_url = "{{written}}"
            }
            {{OneToken}}
            """);
        var validated = (await inBlock.ValidateAsync()).Expect(1);
        AssertShows(validated, $"use \"{corrected}\"");
        Assert.Matches(@"\d+:\s+host_url = """, validated.Output);

        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), _ => true));
    }

    [Fact]
    public async Task A_token_that_cannot_see_the_account_is_told_which_accounts_it_sees()
    {
        var tf = TerraformCli.InNewDirectory(fixture, "host-wrong-account").WriteConfig(OneToken);
        tf.Runner.Environment["DBT_CLOUD_ACCOUNT_ID"] = "999";

        var result = (await tf.PlanAsync()).Expect(1);

        AssertShows(result, "Error: dbt Cloud account not accessible");
        AssertShows(result, "it sees accounts 1 (\"Acme\"), 2 (\"Other\")");
        AssertShows(result, "set it to one of the accounts listed");
    }

    // ---- Datafold host / DATAFOLD_HOST ----

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/api")]
    [InlineData("/api/")]
    public async Task Every_datafold_host_form_reaches_the_api(string suffix)
    {
        var tf = TerraformCli.InNewDirectory(fixture, "host-datafold").WriteConfig(OneIntegration);
        tf.Runner.Environment["DATAFOLD_HOST"] = fixture.EmulatorUrl + suffix;
        var before = await fixture.RequestCountsAsync();

        var plan = (await tf.PlanAsync()).Expect(2);

        Assert.Contains("datafold_dbt_integration.ci will be created", plan.Output);
        Assert.Equal(1, Delta(before, await fixture.RequestCountsAsync(), k => k == "GET /api/v1/organization/meta"));
    }

    [Fact]
    public async Task A_bare_datafold_host_name_is_taken_for_https()
    {
        // The emulator speaks plain http, so the https:// this becomes cannot connect: what matters is that the value
        // is accepted and which URL it became (the debug log says).
        var bare = new Uri(fixture.EmulatorUrl).Authority;
        var (tf, log) = Logged("host-datafold-bare", OneIntegration);
        tf.Runner.WriteConfig($$"""
            terraform {
              required_providers {
                datafold = { source = "{{DatafoldAddress}}" }
              }
            }
            provider "datafold" {
              host        = "{{bare}}"
              max_retries = 0
            }
            {{OneIntegration}}
            """);

        var result = (await tf.PlanAsync()).Expect(1);

        Assert.DoesNotContain("Invalid datafold provider setting", result.Output);
        AssertShows(result, "Cannot check the Datafold credentials");
        Assert.Matches($@"host \\?""{Regex.Escape(bare)}\\?"" is used as \\?""https://{Regex.Escape(bare)}\\?""", File.ReadAllText(log));
    }

    [Theory]
    [InlineData("{emulator}/api/v1", "{emulator}")]
    [InlineData("{emulator}/settings/integrations", "{emulator}")]
    [InlineData("http://eu.datafold.com", "https://eu.datafold.com")]
    public async Task Other_datafold_host_values_are_refused_with_the_value_to_write_before_any_request(string written, string corrected)
    {
        written = written.Replace("{emulator}", fixture.EmulatorUrl);
        corrected = corrected.Replace("{emulator}", fixture.EmulatorUrl);
        var before = await fixture.RequestCountsAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "host-datafold-refused").WriteConfig(OneIntegration);
        tf.Runner.Environment["DATAFOLD_HOST"] = written;

        var result = (await tf.PlanAsync()).Expect(1);

        AssertShows(result, "Error: Invalid datafold provider setting");
        AssertShows(result, $"host \"{written}\"");
        AssertShows(result, $"use \"{corrected}\"");
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), _ => true));
    }

    // ---- the integration's dbt_cloud_host_url ----

    private static string Setup(string hostUrl) =>
        DatafoldSetup.Token(name: "Datafold CI hosts") + DatafoldSetup.Job(label: "artifacts") +
        DatafoldSetup.Integration(name: "hosts integration", artifactsJob: "dbtcloud_artifacts_job.artifacts.job_id",
            extraLines: $"dbt_cloud_host_url   = \"{hostUrl}\"");

    [Fact]
    public async Task The_integrations_dbt_cloud_host_url_in_api_form_is_stored_as_the_access_url_and_plans_no_change()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "host-integration").WriteConfig(Setup("https://emea.dbt.com/api/v2/"));

        Assert.Contains("3 added, 0 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);

        var ci = Assert.Single(await fixture.CiConfigsAsync());
        Assert.Equal("https://emea.dbt.com", (string?)ci["dbt_cloud"]!["host_url"]);
        // The state keeps the form written, so the next plan is empty.
        var state = await ShowJsonAsync(tf);
        Assert.Equal("https://emea.dbt.com/api/v2/", Resource(state, "datafold_dbt_integration.ci").GetProperty("dbt_cloud_host_url").GetString());
        (await tf.PlanAsync()).Expect(0);

        // Changed in Datafold to another region: drift on the attribute.
        await fixture.PatchAsync($"datafold/ci/{(int?)ci["id"]}", new JsonObject { ["dbt_cloud"] = new JsonObject { ["host_url"] = "https://au.dbt.com" } });
        var drift = (await tf.PlanAsync()).Expect(2);
        Assert.Matches(@"~ dbt_cloud_host_url\s+= ""https://au.dbt.com"" -> ""https://emea.dbt.com/api/v2/""", drift.Output);

        (await tf.DestroyAsync()).Succeeded();
    }

    [Theory]
    [InlineData("https://emea.dbt.com/deploy/1/projects", "https://emea.dbt.com")]
    [InlineData("http://emea.dbt.com/api", "https://emea.dbt.com")]
    [InlineData("emea.dbt.com", "https://emea.dbt.com")]
    public async Task Other_integration_dbt_cloud_host_url_values_are_refused_at_the_attribute_with_the_value_to_write(string written, string corrected)
    {
        var tf = TerraformCli.InNewDirectory(fixture, "host-integration-refused").WriteConfig(Setup(written));
        var before = await fixture.RequestCountsAsync();

        var result = (await tf.ValidateAsync()).Expect(1);

        AssertShows(result, $"dbt_cloud_host_url \"{written}\"");
        AssertShows(result, $"use \"{corrected}\"");
        Assert.Matches(@"\d+:\s+dbt_cloud_host_url\s+= """, result.Output);
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), _ => true));
    }

    // ---- an empty description ----

    [Fact]
    public async Task An_empty_description_is_kept_as_written_and_plans_no_change()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "empty-description").WriteConfig("""
            resource "dbtcloud_artifacts_job" "written" {
              project_id     = 10
              environment_id = 100
              name           = "written"
              description    = ""
            }

            resource "dbtcloud_artifacts_job" "left_out" {
              project_id     = 10
              environment_id = 100
              name           = "left out"
            }
            """);
        (await tf.ApplyAsync()).Succeeded();

        // One behaviour: "" in state (the value written, and the default), "" in dbt Cloud, and no change on the next plan.
        var state = await ShowJsonAsync(tf);
        foreach (var address in new[] { "dbtcloud_artifacts_job.written", "dbtcloud_artifacts_job.left_out" })
            Assert.Equal("", Resource(state, address).GetProperty("description").GetString());
        Assert.All(await fixture.JobsAsync(), job => Assert.Equal("", (string?)job["description"]));
        (await tf.PlanAsync()).Expect(0);

        (await tf.DestroyAsync()).Succeeded();
    }

    // ---- adopting what exists ----

    [Fact]
    public async Task An_imported_token_adopts_the_configured_rotation_triggers_without_being_replaced()
    {
        var id = await NewServiceTokenAsync("st-adopted");
        var tf = TerraformCli.InNewDirectory(fixture, "adopt-token").WriteConfig($$"""
            import {
              to = dbtcloud_service_token.t
              id = "{{id}}"
            }

            resource "dbtcloud_service_token" "t" {
              name = "st-adopted"
              service_token_permissions {
                permission_set = "member"
                all_projects   = true
              }
              rotation_triggers = { rotated = "2026-q4" }
            }
            """);

        var plan = (await tf.PlanAsync()).Expect(2);
        Assert.Contains("dbtcloud_service_token.t will be updated in-place", plan.Output);
        Assert.Contains("(imported from \"" + id + "\")", plan.Output);
        Assert.DoesNotContain("must be replaced", plan.Output);
        Assert.DoesNotContain("forces replacement", plan.Output);
        Assert.Contains("1 to import, 0 to add, 1 to change, 0 to destroy", plan.Output);

        var before = await fixture.RequestCountsAsync();
        Assert.Contains("1 imported, 0 added, 1 changed, 0 destroyed", (await tf.ApplyAsync()).Succeeded().Output);
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), IsWrite));
        var token = Assert.Single(await fixture.ServiceTokensAsync(), t => (long?)t["id"] == id);
        Assert.Equal(1, (int?)token["state"]);
        (await tf.PlanAsync()).Expect(0);
    }

    [Fact]
    public async Task A_generated_integration_and_an_imported_tokens_null_secret_say_how_to_give_the_key()
    {
        // An existing setup: a token made in dbt Cloud and an integration made in Datafold (here through this provider).
        await fixture.ResetAsync();
        var existing = TerraformCli.InNewDirectory(fixture, "adopt-existing").WriteConfig(Setup("https://cloud.getdbt.com"));
        (await existing.ApplyAsync()).Succeeded();
        var ciId = (int)Assert.Single(await fixture.CiConfigsAsync())["id"]!;
        var tokenId = await NewServiceTokenAsync("st-adopted-for-ci");

        // 1. terraform plan -generate-config-out: the generated integration has no key.
        var generated = TerraformCli.InNewDirectory(fixture, "adopt-generate").WriteConfig($$"""
            import {
              to = datafold_dbt_integration.ci
              id = "{{ciId}}"
            }
            """);
        var first = (await generated.RunAsync("plan", "-generate-config-out=generated.tf")).Expect(1);
        Assert.True(File.Exists(Path.Combine(generated.WorkingDirectory, "generated.tf")), first.ToString());
        AssertHowToGiveTheKey(first);

        // 2. The key from an imported token's token_string, which is null: the same explanation, at plan time.
        var fromToken = TerraformCli.InNewDirectory(fixture, "adopt-token-string").WriteConfig($$"""
            import {
              to = dbtcloud_service_token.datafold
              id = "{{tokenId}}"
            }
            import {
              to = datafold_dbt_integration.ci
              id = "{{ciId}}"
            }

            """ + DatafoldSetup.Token(name: "st-adopted-for-ci") +
            DatafoldSetup.Integration(name: "hosts integration", artifactsJob: $"{(int)(await fixture.JobsAsync()).Single()["id"]!}"));
        Assert.Equal(0, (await fromToken.ValidateAsync()).ExitCode);
        var second = (await fromToken.PlanAsync()).Expect(1);
        AssertHowToGiveTheKey(second);

        (await existing.DestroyAsync()).Succeeded();
    }

    private static void AssertHowToGiveTheKey(TerraformResult result)
    {
        AssertShows(result, "Error: Missing dbt Cloud API token");
        AssertShows(result, "The key is never readable after it was created");
        AssertShows(result, "use the write-only dbt_cloud_api_token_wo");
        AssertShows(result, "with datafold_dbt_integration.ci");
        Assert.DoesNotContain("none is", result.Output);
    }

    /// <summary>A service token made in dbt Cloud's UI, member on all projects; returns its id.</summary>
    private async Task<long> NewServiceTokenAsync(string name)
    {
        var data = await fixture.DbtCloudAsync(HttpMethod.Post, "/v3/accounts/1/service-tokens/",
            new JsonObject { ["account_id"] = 1, ["name"] = name, ["state"] = 1 });
        var id = data!["id"]!.GetValue<long>();
        await fixture.DbtCloudAsync(HttpMethod.Post, $"/v3/accounts/1/service-tokens/{id}/permissions/", new JsonArray(
            new JsonObject { ["account_id"] = 1, ["service_token_id"] = id, ["permission_set"] = "member", ["all_projects"] = true }));
        return id;
    }

    private static async Task<JsonElement> ShowJsonAsync(TerraformCli tf) =>
        JsonDocument.Parse((await tf.RunAsync("show", "-json")).Succeeded().Stdout).RootElement.Clone();

    private static JsonElement Resource(JsonElement show, string address) =>
        show.GetProperty("values").GetProperty("root_module").GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("address").GetString() == address).GetProperty("values");
}
