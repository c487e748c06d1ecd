using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static DbtTfProvider.EndToEnd.Tests.ProviderFixture;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The twin a killed <c>terraform</c> can leave: an object made with its final name whose state was never saved. The
/// next plan creates it again, so it names the existing object (a warning at <c>name</c>, with its id and the import
/// command) before anything is written; a replacement's own predecessor is not such an object, and a plan without a
/// create lists nothing.
/// </summary>
public sealed class NamesakeCreatesEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string TokenList = "GET /api/v3/accounts/{account_id}/service-tokens/";
    private const string JobList = "GET /api/v2/accounts/{account_id}/jobs/";
    private const string AlreadyExists = "already exists";

    /// <summary>A token, an artifacts job and a CI job; the two jobs share a name, as two jobs of one project may.</summary>
    private static string Setup(string token, string job) => $$"""
        resource "dbtcloud_service_token" "t" {
          name = "{{token}}"
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
        }

        resource "dbtcloud_artifacts_job" "j" {
          project_id     = 10
          environment_id = 100
          name           = "{{job}}"
        }

        resource "dbtcloud_ci_job" "pr" {
          project_id               = 10
          environment_id           = 100
          deferring_environment_id = 100
          name                     = "{{job}}"
        }

        """;

    [Fact]
    public async Task Objects_whose_state_was_lost_are_named_at_plan_with_their_import_and_imported_they_plan_no_change()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "namesake-window").WriteConfig(Setup("twin-token", "twin-job"));
        (await tf.ApplyAsync()).Succeeded();
        var token = Id(Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1));
        var job = Id(Assert.Single(await fixture.JobsAsync(), j => (int?)j["state"] == 1 && (string?)j["job_type"] != "ci"));
        var ci = Id(Assert.Single(await fixture.JobsAsync(), j => (int?)j["state"] == 1 && (string?)j["job_type"] == "ci"));

        // What a terraform killed before it saved its state leaves: the objects, and no state.
        (await tf.RunAsync("state", "rm", "dbtcloud_service_token.t", "dbtcloud_artifacts_job.j", "dbtcloud_ci_job.pr")).Succeeded();
        var before = await fixture.RequestCountsAsync();
        var plan = (await tf.PlanAsync()).Expect(2);
        var after = await fixture.RequestCountsAsync();

        Assert.Contains("Plan: 3 to add, 0 to change, 0 to destroy", plan.Stdout);
        var text = DataSourcesEndToEndTests.Flat(plan);
        Assert.Contains("Warning: A service token named \"twin-token\" already exists", text);
        Assert.Contains($"dbt Cloud account 1 already has a service token named \"twin-token\": id {token} (created ", text);
        Assert.Contains($"terraform import 'dbtcloud_service_token.<name in your configuration>' {token}", text);
        // Each job resource names the job of its own kind: the artifacts job the deploy job, the CI job the CI job.
        Assert.Contains($"dbt Cloud project 10 already has a job named \"twin-job\": id {job} (created ", text);
        Assert.Contains($"terraform import 'dbtcloud_artifacts_job.<name in your configuration>' {job}", text);
        Assert.Contains($"dbt Cloud project 10 already has a CI job named \"twin-job\": id {ci} (created ", text);
        Assert.Contains($"terraform import 'dbtcloud_ci_job.<name in your configuration>' {ci}", text);
        Assert.Contains("Applying this plan as it is makes a second service token named \"twin-token\"", text);
        foreach (var address in new[] { "dbtcloud_service_token.t", "dbtcloud_artifacts_job.j", "dbtcloud_ci_job.pr" })
            Assert.Contains($"with {address}, on main.tf line", text);
        Assert.Matches(@"\d+:\s+name\s+= ""twin-token""", plan.Stdout.Replace("│", ""));
        // Nothing written; one listing of the account's tokens, one of the project's jobs for both job resources.
        Assert.Equal(0, Delta(before, after, IsWrite));
        Assert.Equal(1, Delta(before, after, k => k == TokenList));
        Assert.Equal(1, Delta(before, after, k => k == JobList));

        // Doing what the warning says: import each, and the plan is empty.
        (await tf.RunAsync("import", "dbtcloud_service_token.t", Text(token))).Succeeded();
        (await tf.RunAsync("import", "dbtcloud_artifacts_job.j", Text(job))).Succeeded();
        (await tf.RunAsync("import", "dbtcloud_ci_job.pr", Text(ci))).Succeeded();
        var settled = (await tf.PlanAsync()).Expect(0);
        Assert.DoesNotContain(AlreadyExists, settled.Output);
        Assert.Equal(0, Delta(before, await fixture.RequestCountsAsync(), IsWrite));
        Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1);
        Assert.Equal(2, (await fixture.JobsAsync()).Count(j => (int?)j["state"] == 1));
    }

    [Fact]
    public async Task A_create_without_a_namesake_warns_of_nothing_and_adds_only_the_listings_to_the_plan()
    {
        await fixture.ResetAsync();
        // Another job and token exist, under other names: not namesakes.
        var other = TerraformCli.InNewDirectory(fixture, "namesake-other").WriteConfig(Setup("other-token", "other-job"));
        (await other.ApplyAsync()).Succeeded();
        var tf = TerraformCli.InNewDirectory(fixture, "namesake-none").WriteConfig(Setup("fresh-token", "fresh-job"));

        var before = await fixture.RequestCountsAsync();
        var plan = (await tf.PlanAsync()).Expect(2);
        var after = await fixture.RequestCountsAsync();

        Assert.DoesNotContain(AlreadyExists, plan.Output);
        // The one warning is Terraform's own about the test's dev_overrides.
        Assert.Equal(["Warning: Provider development overrides are in effect"],
            Regex.Matches(plan.Output, "Warning: [^\n]*").Select(m => m.Value.Trim()));
        Assert.Equal(1, Delta(before, after, k => k == TokenList));
        Assert.Equal(1, Delta(before, after, k => k == JobList));
        // Besides the listings, only what the plan read before: the provider's account check and the jobs' environment checks.
        var read = after.Where(kv => kv.Value > before.GetValueOrDefault(kv.Key)).Select(kv => kv.Key).Order().ToArray();
        Assert.Equal(["GET /api/v2/accounts/", JobList, "GET /api/v3/accounts/{account_id}/projects/{project_id}/environments/", TokenList], read);
    }

    [Fact]
    public async Task A_create_before_destroy_rotation_and_a_tainted_token_plan_no_namesake_warning()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "namesake-rotation").WriteConfig(RotatingToken("2026-q3"));
        (await tf.ApplyAsync()).Succeeded();
        var old = Id(Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1));

        tf.WriteConfig(RotatingToken("2026-q4"));
        var plan = (await tf.PlanAsync()).Expect(2);
        Assert.Contains("dbtcloud_service_token.t must be replaced", plan.Stdout);
        Assert.Contains("create replacement and then destroy", plan.Stdout);
        Assert.DoesNotContain(AlreadyExists, plan.Output);

        // The apply: Terraform deposes the old token, then plans the new one with neither its state nor its private
        // state, exactly as a plain create; the old token, still active, is named, with the sentence that says so.
        var apply = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("1 added, 0 changed, 1 destroyed", apply.Stdout);
        var rotated = Id(Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1));
        Assert.NotEqual(old, rotated);
        var text = DataSourcesEndToEndTests.Flat(apply);
        Assert.Contains($"dbt Cloud account 1 already has a service token named \"rotating-token\": id {old} (created ", text);
        Assert.Contains("During the apply of a create_before_destroy replacement, Terraform no longer shows the provider the object being replaced", text);

        // A tainted token: Terraform refreshes it, then plans its replacement as a create with no prior state.
        (await tf.RunAsync("taint", "dbtcloud_service_token.t")).Succeeded();
        var tainted = (await tf.PlanAsync()).Expect(2);
        Assert.Contains("dbtcloud_service_token.t is tainted, so must be replaced", tainted.Stdout);
        Assert.DoesNotContain(AlreadyExists, tainted.Output);
    }

    [Fact]
    public async Task A_no_op_plan_lists_nothing()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "namesake-noop").WriteConfig(Setup("steady-token", "steady-job"));
        (await tf.ApplyAsync()).Succeeded();

        var before = await fixture.RequestCountsAsync();
        (await tf.PlanAsync()).Expect(0);
        var after = await fixture.RequestCountsAsync();

        Assert.Equal(0, Delta(before, after, k => k == TokenList));
        Assert.Equal(0, Delta(before, after, k => k == JobList));
        Assert.Equal(0, Delta(before, after, IsWrite));
    }

    private static string RotatingToken(string rotation) => $$"""
        resource "dbtcloud_service_token" "t" {
          name = "rotating-token"
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
          rotation_triggers = { rotated = "{{rotation}}" }
          lifecycle {
            create_before_destroy = true
          }
        }

        """;

    private static long Id(JsonObject o) => (long)o["id"]!;

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
