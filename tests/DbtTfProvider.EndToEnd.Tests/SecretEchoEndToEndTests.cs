using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// Issue 8, cases 8 and 9: services that echo the request in their error answers (the emulator's echo mode), and host
/// URLs that hold credentials or would send the token in clear. Neither terraform's output nor the provider's trace
/// log (TF_LOG=trace) may show a configured credential, a token the provider sent, or a password in a URL.
/// </summary>
public sealed class SecretEchoEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>, IAsyncLifetime
{
    private const string OneToken = """
        resource "dbtcloud_service_token" "t" {
          name = "st-echo"
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
        }
        """;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        var answer = await fixture.Admin.PostAsJsonAsync("echo", new JsonObject { ["enabled"] = true });
        answer.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => fixture.ResetAsync();

    /// <summary>A workspace whose runs write a trace log (the provider's log lines included) to a file.</summary>
    private (TerraformCli Tf, string LogPath) TracedWorkspace(string name, string hcl)
    {
        var tf = TerraformCli.InNewDirectory(fixture, name).WriteConfig(hcl);
        var log = Path.Combine(tf.WorkingDirectory, "trace.log");
        tf.Runner.Environment["TF_LOG"] = "trace";
        tf.Runner.Environment["TF_LOG_PATH"] = log;
        return (tf, log);
    }

    private static void AssertNowhere(TerraformResult result, string logPath, params string[] secrets)
    {
        var log = File.ReadAllText(logPath);
        Assert.True(log.Length > 1000, "the trace log should have been written");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.Output);
            Assert.DoesNotContain(secret, log);
        }
    }

    private static string Unwrapped(string output) => string.Join(' ', output.Split('\n', StringSplitOptions.TrimEntries));

    /// <summary>The output, its lines joined as terraform wrapped them, shows <paramref name="text"/>.</summary>
    private static void AssertShows(TerraformResult result, string text) =>
        Assert.True(Unwrapped(result.Output).Contains(text, StringComparison.Ordinal), $"expected \"{text}\" in\n{result}");

    [Fact]
    public async Task A_dbt_Cloud_401_that_echoes_the_admin_token_shows_it_redacted()
    {
        const string token = "dbtc_wrong_Secret_e2e_401";
        var (tf, log) = TracedWorkspace("echo-dbt-401", OneToken);
        tf.Runner.Environment["DBT_CLOUD_TOKEN"] = token;

        var result = (await tf.PlanAsync()).Expect(1);

        AssertShows(result, "Error: Invalid dbt Cloud token");
        AssertShows(result, "Invalid token. (credential \"(redacted)\"");
        AssertNowhere(result, log, token);
    }

    [Fact]
    public async Task A_Datafold_401_that_echoes_the_API_key_shows_it_redacted()
    {
        const string key = "df_wrong_Secret_e2e_401";
        var (tf, log) = TracedWorkspace("echo-df-401", """
            resource "datafold_dbt_integration" "ci" {
              name                 = "echo-401"
              repository_id        = 3
              data_source_id       = 7
              dbt_cloud_account_id = 1
              dbt_cloud_api_token  = "not-sent"
              artifacts_job_id     = 1
            }
            """);
        tf.Runner.Environment["DATAFOLD_API_KEY"] = key;

        var result = (await tf.PlanAsync()).Expect(1);

        AssertShows(result, "Error: Invalid Datafold API key");
        AssertShows(result, "(redacted)");
        AssertNowhere(result, log, key);
    }

    [Fact]
    public async Task A_dbt_Cloud_400_that_echoes_the_token_and_the_body_shows_neither_secret()
    {
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "POST", ["path_prefix"] = "/api/v3/accounts/1/service-tokens/", ["kind"] = "status", ["status"] = 400, ["count"] = 1,
        });
        var (tf, log) = TracedWorkspace("echo-dbt-400", OneToken);

        var result = (await tf.ApplyAsync()).Expect(1);

        AssertShows(result, "Error: dbt Cloud rejected the request");
        var text = Unwrapped(result.Output);
        Assert.Contains("credential \"(redacted)\"", text);
        Assert.Contains("st-echo", text); // the echoed body is shown, only its secrets are not
        Assert.Single(await fixture.FaultsAsync(), f => (int)f["hits"]! == 1);
        AssertNowhere(result, log, ProviderFixture.AdminToken);
    }

    [Theory]
    [InlineData("dbt_cloud_api_token")]
    [InlineData("dbt_cloud_api_token_wo")]
    public async Task A_Datafold_422_that_echoes_the_sent_token_and_the_key_shows_neither(string tokenAttribute)
    {
        // A real token, of another account: Datafold refuses it at dbt_cloud.api_key and echoes it back.
        const string sentToken = "dbtc_other_token";
        var (tf, log) = TracedWorkspace("echo-df-422", $$"""
            variable "token" {
              type      = string
              sensitive = true
            }
            resource "datafold_dbt_integration" "ci" {
              name                 = "echo-422"
              repository_id        = 3
              data_source_id       = 7
              dbt_cloud_account_id = 1
              {{tokenAttribute}} = var.token
              artifacts_job_id     = 1
            }
            """);
        tf.Runner.Environment["TF_VAR_token"] = sentToken;

        var result = (await tf.ApplyAsync()).Expect(1);

        AssertShows(result, $"Error: Datafold rejected {tokenAttribute}");
        AssertShows(result, "(got \"(redacted)\"; credential \"(redacted)\")");
        Assert.Empty(await fixture.CiConfigsAsync());
        AssertNowhere(result, log, sentToken, ProviderFixture.DatafoldApiKey);
    }

    [Theory]
    [InlineData("DBT_CLOUD_HOST_URL", "https://admin:pa55word_e2e@127.0.0.1:9/api", "host_url")]
    [InlineData("DATAFOLD_HOST", "https://admin:pa55word_e2e@127.0.0.1:9", "host")]
    [InlineData("DBT_CLOUD_HOST_URL", "https://admin:pa/pa55word_e2e@127.0.0.1:9/api", "host_url")]
    [InlineData("DATAFOLD_HOST", "https://admin:pa#pa55word_e2e@127.0.0.1:9", "host")]
    [InlineData("DBT_CLOUD_HOST_URL", "https://admin:pa?pa55word_e2e@127.0.0.1:9/api", "host_url")]
    [InlineData("DBT_CLOUD_HOST_URL", "http://127.0.0.1:9/api?api_key=pa55word_e2e", "host_url", "a query")]
    [InlineData("DATAFOLD_HOST", "https://127.0.0.1:9/#pa55word_e2e", "host", "a fragment")]
    public async Task A_host_setting_with_credentials_in_it_is_refused_without_showing_them(string variable, string url, string setting, string carried = "credentials")
    {
        var (tf, log) = TracedWorkspace("userinfo-" + setting, OneToken + "\n" + """
            resource "datafold_dbt_integration" "ci" {
              name                 = "userinfo"
              repository_id        = 3
              data_source_id       = 7
              dbt_cloud_account_id = 1
              dbt_cloud_api_token  = "x"
              artifacts_job_id     = 1
            }
            """);
        tf.Runner.Environment[variable] = url;

        var result = (await tf.PlanAsync()).Expect(1);

        AssertShows(result, $"{setting} must not carry {carried}");
        AssertNowhere(result, log, "pa55word_e2e");
    }

    [Theory]
    [InlineData("https://me:pa55word_e2e@emea.dbt.com", "dbt_cloud_host_url must not carry credentials")]
    [InlineData("https://me:pa/pa55word_e2e@emea.dbt.com", "dbt_cloud_host_url must not carry credentials")]
    [InlineData("https://emea.dbt.com/api?api_key=pa55word_e2e", "dbt_cloud_host_url must not carry a query")]
    public async Task The_integrations_dbt_cloud_host_url_with_a_secret_in_it_is_refused_without_showing_it(string url, string message)
    {
        var (tf, log) = TracedWorkspace("secret-url-integration", """
            variable "url" {
              type      = string
              sensitive = true
            }
            resource "datafold_dbt_integration" "ci" {
              name                 = "userinfo"
              repository_id        = 3
              data_source_id       = 7
              dbt_cloud_account_id = 1
              dbt_cloud_api_token  = "x"
              dbt_cloud_host_url   = var.url
              artifacts_job_id     = 1
            }
            """);
        tf.Runner.Environment["TF_VAR_url"] = url;

        var result = (await tf.PlanAsync()).Expect(1);

        AssertShows(result, message);
        Assert.Empty(await fixture.CiConfigsAsync());
        AssertNowhere(result, log, "pa55word_e2e");
    }

    [Theory]
    [InlineData("http://example.com", false)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost", true)]
    [InlineData("https://emea.dbt.com", true)]
    public async Task The_integrations_dbt_cloud_host_url_needs_https_except_for_loopback_at_validate(string url, bool valid)
    {
        var tf = TerraformCli.InNewDirectory(fixture, "host-url-validate").WriteConfig($$"""
            resource "datafold_dbt_integration" "ci" {
              name                 = "validate"
              repository_id        = 3
              data_source_id       = 7
              dbt_cloud_account_id = 1
              dbt_cloud_api_token  = "x"
              dbt_cloud_host_url   = "{{url}}"
              artifacts_job_id     = 1
            }
            """);
        var before = await fixture.RequestCountsAsync();

        var result = (await tf.ValidateAsync()).Expect(valid ? 0 : 1);

        if (!valid)
        {
            AssertShows(result, "Error: Invalid attribute value");
            AssertShows(result, "dbt_cloud_host_url \"http://example.com\" uses plain http://");
        }
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), _ => true));
    }
}
