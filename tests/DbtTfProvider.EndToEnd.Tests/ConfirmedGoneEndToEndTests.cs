using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// An object leaves state only when the service confirms it is gone: stray 404s on refresh, 404s that persist, a
/// host that is not the API, and a provider switched to another dbt Cloud account or Datafold organisation, with the
/// real terraform, the AOT provider and the emulator. After each, a clean apply must leave exactly the configured
/// objects in the emulator, every one of them in state.
/// </summary>
public sealed class ConfirmedGoneEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string TokenGet = "GET /api/v3/accounts/{account_id}/service-tokens/{id}/";
    private const string JobGet = "GET /api/v2/accounts/{account_id}/jobs/{id}/";
    private const string CiGet = "GET /api/v1/ci/{id}/";

    /// <summary>The Datafold setup: a token, the artifacts job and the integration that uses both.</summary>
    private static readonly string Setup = DatafoldSetup.All;

    [Fact]
    public async Task One_stray_404_on_refresh_of_each_object_keeps_it_and_the_plan_is_empty()
    {
        var (tf, (tokenId, jobId, ciId)) = await ApplySetupAsync("stray-404");

        // A lagging replica: each object's GET answers 404 once, in the service's own words; the next read succeeds.
        await StrayNotFoundAsync($"/api/v3/accounts/1/service-tokens/{tokenId}/");
        await StrayNotFoundAsync($"/api/v2/accounts/1/jobs/{jobId}/");
        await StrayNotFoundAsync($"/api/v1/ci/{ciId}/");
        var before = await fixture.RequestCountsAsync();
        var plan = (await tf.PlanAsync()).Expect(0);
        var after = await fixture.RequestCountsAsync();

        Assert.DoesNotContain("will be created", plan.Output);
        Assert.All(await fixture.FaultsAsync(), rule => Assert.Equal(1, (int)rule["hits"]!));
        Assert.Equal(2, ProviderFixture.Delta(before, after, k => k == TokenGet));
        Assert.Equal(2, ProviderFixture.Delta(before, after, k => k == JobGet));
        Assert.Equal(2, ProviderFixture.Delta(before, after, k => k == CiGet));
        Assert.Equal(0, ProviderFixture.Delta(before, after, ProviderFixture.IsWrite));

        await CleanApplyKeepsExactlyTheConfiguredObjectsAsync(tf, tokenId, jobId, ciId);
    }

    [Fact]
    public async Task A_404_that_persists_without_confirmation_fails_the_refresh_keeps_the_state_and_plans_no_twin()
    {
        var (tf, (tokenId, jobId, ciId)) = await ApplySetupAsync("persistent-404");
        var stateBefore = tf.Runner.StateFileText;

        // Every read of the objects answers 404 while the lists still hold them (and the job's project is not visible
        // to the token either): nothing confirms a deletion. Terraform skips the refresh of what depends on a failed
        // object, so the dbt Cloud side goes first, then the integration.
        await NotFoundAsync($"/api/v3/accounts/1/service-tokens/{tokenId}/");
        await NotFoundAsync($"/api/v2/accounts/1/jobs/{jobId}/");
        await NotFoundAsync("/api/v3/accounts/1/projects/");
        var before = await fixture.RequestCountsAsync();
        var plan = (await tf.PlanAsync()).Expect(1);
        await fixture.ClearFaultsAsync();
        await NotFoundAsync($"/api/v1/ci/{ciId}/");
        var integrationPlan = (await tf.PlanAsync()).Expect(1);
        var after = await fixture.RequestCountsAsync();

        var errors = Diagnostics(plan.Output);
        Assert.Contains(errors, e => e.Contains("dbtcloud_service_token.datafold") && e.Contains("shows it as active") && e.Contains("stays in state"));
        Assert.Contains(errors, e => e.Contains("dbtcloud_artifacts_job.datafold") && e.Contains("stays in state") && e.Contains("host_url"));
        Assert.Contains(Diagnostics(integrationPlan.Output),
            e => e.Contains("datafold_dbt_integration.ci") && e.Contains("list still holds it") && e.Contains("stays in state"));
        foreach (var output in new[] { plan.Output, integrationPlan.Output })
        {
            Assert.DoesNotContain("will be created", output);
            Assert.DoesNotContain("skip_credentials_validation", output);
        }
        Assert.Equal(0, ProviderFixture.Delta(before, after, ProviderFixture.IsWrite));
        Assert.Equal(stateBefore, tf.Runner.StateFileText);

        // The service answers again: the next apply finds everything where it was.
        await fixture.ClearFaultsAsync();
        await CleanApplyKeepsExactlyTheConfiguredObjectsAsync(tf, tokenId, jobId, ciId);
    }

    [Fact]
    public async Task Objects_deleted_in_the_services_are_confirmed_gone_and_created_again()
    {
        var (tf, (tokenId, jobId, ciId)) = await ApplySetupAsync("really-gone");

        // Deleted behind Terraform's back, with a stray 404 on top: the token's state 2, the job's two 404s with its
        // project visible and the CI config's two 404s plus the list are each the service's confirmation.
        await fixture.DeleteAsync($"dbtcloud/service-tokens/{tokenId}");
        await fixture.DeleteAsync($"dbtcloud/jobs/{jobId}");
        await fixture.DeleteAsync($"datafold/ci/{ciId}");
        var plan = (await tf.PlanAsync()).Expect(2);
        Assert.Contains("dbtcloud_service_token.datafold will be created", plan.Output);
        Assert.Contains("dbtcloud_artifacts_job.datafold will be created", plan.Output);
        Assert.Contains("datafold_dbt_integration.ci will be created", plan.Output);

        (await tf.ApplyAsync()).Succeeded();
        var (newToken, newJob, newCi) = await OnlyObjectsAsync();
        Assert.NotEqual((tokenId, jobId, ciId), (newToken, newJob, newCi));
        await CleanApplyKeepsExactlyTheConfiguredObjectsAsync(tf, newToken, newJob, newCi);
    }

    [Fact]
    public async Task A_host_url_that_answers_web_pages_and_skip_credentials_validation_fails_the_plan_and_plans_nothing()
    {
        var (tf, (tokenId, jobId, ciId)) = await ApplySetupAsync("wrong-host");
        var stateBefore = tf.Runner.StateFileText;

        // host_url pointing at something that is not dbt Cloud (a proxy's or another application's pages): every path,
        // /api/... included, answers an HTML 404 page.
        using var web = WebPages.Start();
        tf.Runner.Environment["DBT_CLOUD_HOST_URL"] = web.Url;
        tf.Runner.WriteConfig(ProviderFixture.ProvidersHcl.Replace("provider \"dbtcloud\" {}",
            "provider \"dbtcloud\" {\n  skip_credentials_validation = true\n}") + Setup);
        var plan = (await tf.PlanAsync()).Expect(1);

        var errors = Diagnostics(plan.Output);
        Assert.Contains(errors, e => e.Contains("dbtcloud_service_token.datafold") && e.Contains("not dbt Cloud's answer") && e.Contains("host_url"));
        Assert.Contains(errors, e => e.Contains("dbtcloud_artifacts_job.datafold") && e.Contains("not dbt Cloud's answer") && e.Contains("host_url"));
        Assert.DoesNotContain("will be created", plan.Output);
        Assert.DoesNotContain("has been deleted", plan.Output);
        Assert.Equal(stateBefore, tf.Runner.StateFileText);

        // Without the skip, the start-up check fails on the same address, and never suggests skipping it.
        tf.WriteConfig(Setup);
        var check = (await tf.PlanAsync()).Expect(1);
        Assert.Contains("Cannot check the dbt Cloud credentials", check.Output);
        Assert.Contains("host_url", check.Output);
        Assert.DoesNotContain("skip_credentials_validation", check.Output);

        tf.Runner.Environment["DBT_CLOUD_HOST_URL"] = fixture.EmulatorUrl + "/api";
        await CleanApplyKeepsExactlyTheConfiguredObjectsAsync(tf, tokenId, jobId, ciId);
    }

    [Fact]
    public async Task A_provider_switched_to_another_account_or_organization_fails_the_plan_naming_both_ids()
    {
        var (tf, (tokenId, jobId, ciId)) = await ApplySetupAsync("other-home");
        var state = StateValues(tf);
        Assert.Equal(1, state["dbtcloud_service_token.datafold"].GetProperty("account_id").GetInt64());
        Assert.Equal(1, state["dbtcloud_artifacts_job.datafold"].GetProperty("account_id").GetInt64());
        Assert.Equal(1, state["datafold_dbt_integration.ci"].GetProperty("organization_id").GetInt64());
        var stateBefore = tf.Runner.StateFileText;

        // The other API key belongs to organisation 2 (first alone: Terraform skips what depends on a failed refresh).
        tf.Runner.Environment["DATAFOLD_API_KEY"] = "df_other_api_key";
        var before = await fixture.RequestCountsAsync();
        var otherOrganization = (await tf.PlanAsync()).Expect(1);
        Assert.Contains(Diagnostics(otherOrganization.Output), e => e.Contains("datafold_dbt_integration.ci") &&
            e.Contains("lives in Datafold organization 1") && e.Contains("configured for Datafold organization 2") && e.Contains("DATAFOLD_API_KEY"));

        // The admin token also sees account 2.
        tf.Runner.Environment["DBT_CLOUD_ACCOUNT_ID"] = "2";
        var otherAccount = (await tf.PlanAsync()).Expect(1);
        var after = await fixture.RequestCountsAsync();
        var errors = Diagnostics(otherAccount.Output);
        Assert.Contains(errors, e => e.Contains("dbtcloud_service_token.datafold") && e.Contains("lives in dbt Cloud account 1") &&
                                     e.Contains("configured for dbt Cloud account 2"));
        Assert.Contains(errors, e => e.Contains("dbtcloud_artifacts_job.datafold") && e.Contains("lives in dbt Cloud account 1") &&
                                     e.Contains("configured for dbt Cloud account 2"));

        foreach (var output in new[] { otherOrganization.Output, otherAccount.Output })
            Assert.DoesNotContain("will be created", output);
        // Nothing was read from the other organisation or account (the token and job were read once, in account 1, by
        // the first plan), and nothing written anywhere.
        Assert.Equal(0, ProviderFixture.Delta(before, after, k => k == CiGet));
        Assert.Equal(1, ProviderFixture.Delta(before, after, k => k == TokenGet));
        Assert.Equal(1, ProviderFixture.Delta(before, after, k => k == JobGet));
        Assert.Equal(0, ProviderFixture.Delta(before, after, ProviderFixture.IsWrite));
        Assert.Equal(stateBefore, tf.Runner.StateFileText);

        tf.Runner.Environment["DBT_CLOUD_ACCOUNT_ID"] = "1";
        tf.Runner.Environment["DATAFOLD_API_KEY"] = ProviderFixture.DatafoldApiKey;
        await CleanApplyKeepsExactlyTheConfiguredObjectsAsync(tf, tokenId, jobId, ciId);
    }

    [Fact]
    public async Task State_written_before_account_and_organization_were_recorded_gets_them_on_the_next_refresh()
    {
        var (tf, (tokenId, jobId, ciId)) = await ApplySetupAsync("upgrade-home");

        // The state as an earlier provider version wrote it: same schema version, no account_id / organization_id.
        var old = JsonNode.Parse(tf.Runner.StateFileText)!;
        foreach (var resource in old["resources"]!.AsArray())
        {
            var attributes = resource!["instances"]![0]!["attributes"]!.AsObject();
            Assert.True(attributes.Remove("account_id") | attributes.Remove("organization_id"));
        }
        File.WriteAllText(Path.Combine(tf.WorkingDirectory, "terraform.tfstate"), old.ToJsonString());

        (await tf.PlanAsync()).Expect(0);
        (await tf.RunAsync("apply", "-refresh-only", "-auto-approve")).Succeeded();
        var state = StateValues(tf);
        Assert.Equal(1, state["dbtcloud_service_token.datafold"].GetProperty("account_id").GetInt64());
        Assert.Equal(1, state["dbtcloud_artifacts_job.datafold"].GetProperty("account_id").GetInt64());
        Assert.Equal(1, state["datafold_dbt_integration.ci"].GetProperty("organization_id").GetInt64());
        await CleanApplyKeepsExactlyTheConfiguredObjectsAsync(tf, tokenId, jobId, ciId);
    }

    [Fact]
    public async Task Imported_objects_record_their_account_and_organization()
    {
        var (_, (tokenId, jobId, ciId)) = await ApplySetupAsync("import-source");
        var secret = (string)(await fixture.ServiceTokensAsync()).Single(t => (int?)t["id"] == tokenId)["token_string"]!;

        var tf = TerraformCli.InNewDirectory(fixture, "import-home").WriteConfig($$"""
            import {
              to = dbtcloud_artifacts_job.datafold
              id = "{{jobId}}"
            }

            import {
              to = datafold_dbt_integration.ci
              id = "{{ciId}}"
            }

            """ + DatafoldSetup.Job() + DatafoldSetup.Integration(token: $"\"{secret}\"", artifactsJob: jobId.ToString()));
        (await tf.RunAsync("apply", "-auto-approve", "-target=dbtcloud_artifacts_job.datafold", "-target=datafold_dbt_integration.ci")).Succeeded();

        var state = StateValues(tf);
        Assert.Equal(1, state["dbtcloud_artifacts_job.datafold"].GetProperty("account_id").GetInt64());
        Assert.Equal(1, state["datafold_dbt_integration.ci"].GetProperty("organization_id").GetInt64());
        tf.Runner.Environment["DBT_CLOUD_ACCOUNT_ID"] = "2";
        var plan = (await tf.PlanAsync()).Expect(1);
        Assert.Contains("lives in dbt Cloud account 1", Regex.Replace(plan.Output, @"[│\s]+", " "));
        Assert.Equal(tokenId, (await OnlyObjectsAsync()).Token);
    }

    // ---- helpers ----

    /// <summary>One 404 on exactly this path: a token's grants list, read beside it, is not hit.</summary>
    private Task StrayNotFoundAsync(string path) => fixture.AddFaultAsync(new JsonObject
    {
        ["method"] = "GET", ["path"] = path, ["kind"] = "status", ["status"] = 404, ["count"] = 1,
    });

    private Task NotFoundAsync(string path) => fixture.AddFaultAsync(new JsonObject
    {
        ["method"] = "GET", ["path_prefix"] = path, ["kind"] = "status", ["status"] = 404,
    });

    /// <summary>
    /// The set-up of every test here: an emptied emulator, <see cref="Setup"/> applied in a new directory, and the ids of
    /// the three objects it made (the only ones the emulator holds).
    /// </summary>
    private async Task<(TerraformCli Tf, (int Token, int Job, int Ci) Ids)> ApplySetupAsync(string directory)
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, directory).WriteConfig(Setup);
        (await tf.ApplyAsync()).Succeeded();
        return (tf, await OnlyObjectsAsync());
    }

    /// <summary>The one active token, the one active job and the one CI config the emulator holds.</summary>
    private async Task<(int Token, int Job, int Ci)> OnlyObjectsAsync()
    {
        var token = Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1);
        var job = Assert.Single(await fixture.JobsAsync(), j => (int?)j["state"] == 1);
        var ci = Assert.Single(await fixture.CiConfigsAsync());
        return ((int)token["id"]!, (int)job["id"]!, (int)ci["id"]!);
    }

    /// <summary>
    /// An apply that changes nothing, then the emulator holds exactly the configured objects (the same ids), each in
    /// state, and the next plan is empty.
    /// </summary>
    private async Task CleanApplyKeepsExactlyTheConfiguredObjectsAsync(TerraformCli tf, int tokenId, int jobId, int ciId)
    {
        tf.WriteConfig(Setup);
        var applied = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("0 added, 0 changed, 0 destroyed", applied.Output);
        Assert.Equal((tokenId, jobId, ciId), await OnlyObjectsAsync());
        var state = StateValues(tf);
        Assert.Equal(tokenId.ToString(), state["dbtcloud_service_token.datafold"].GetProperty("id").GetString());
        Assert.Equal(jobId.ToString(), state["dbtcloud_artifacts_job.datafold"].GetProperty("id").GetString());
        Assert.Equal(ciId.ToString(), state["datafold_dbt_integration.ci"].GetProperty("id").GetString());
        Assert.Equal(3, state.Count);
        (await tf.PlanAsync()).Expect(0);
    }

    /// <summary>Each resource's attribute values in the state file, by address.</summary>
    private static Dictionary<string, JsonElement> StateValues(TerraformCli tf)
    {
        using var document = JsonDocument.Parse(tf.Runner.StateFileText);
        return document.RootElement.GetProperty("resources").EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("type").GetString()}.{r.GetProperty("name").GetString()}",
                r => r.GetProperty("instances")[0].GetProperty("attributes").Clone());
    }

    /// <summary>Terraform's error blocks, each on one line (box drawing and wrapping taken out).</summary>
    private static List<string> Diagnostics(string output) =>
        Regex.Split(output, @"(?=^│? ?Error: )", RegexOptions.Multiline)
            .Where(b => Regex.IsMatch(b, @"^│? ?Error: "))
            .Select(b => Regex.Replace(b, @"[│╷╵\s]+", " "))
            .ToList();

    /// <summary>A loopback web server that answers every request with an HTML 404 page, as a proxy or a web application would.</summary>
    private sealed class WebPages : IDisposable
    {
        private readonly System.Net.HttpListener _listener = new();

        public string Url { get; private init; } = "";

        public static WebPages Start()
        {
            var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var web = new WebPages { Url = $"http://127.0.0.1:{port}" };
            web._listener.Prefixes.Add(web.Url + "/");
            web._listener.Start();
            _ = Task.Run(web.ServeAsync);
            return web;
        }

        private async Task ServeAsync()
        {
            var page = System.Text.Encoding.UTF8.GetBytes("<html><body><h1>Not Found</h1></body></html>");
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    context.Response.StatusCode = 404;
                    context.Response.ContentType = "text/html";
                    await context.Response.OutputStream.WriteAsync(page);
                    context.Response.Close();
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
