using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// What the real terraform shows when the service would refuse the configuration: a plan that fails at the attribute
/// (a read, no write) where the apply after merge would fail, never a no-op plan that reads more; and an apply the
/// service rejects at several fields, each at its own attribute.
/// </summary>
public sealed class PlanTimeChecksEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string EnvironmentList = "GET /api/v3/accounts/{account_id}/projects/{project_id}/environments/";
    private const string ProjectList = "GET /api/v3/accounts/{account_id}/projects/";
    private const string DataSourceGet = "GET /api/v1/data_sources/{id}";

    [Fact]
    public async Task A_job_in_an_environment_of_another_project_fails_the_plan_at_environment_id_naming_both()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "check-job-environment").WriteConfig(Job(project: 10, environment: 110));

        var plan = (await tf.PlanAsync()).Expect(1);

        var error = Assert.Single(Diagnostics(plan.Output));
        Assert.Contains("Error: Environment not in the project", error);
        Assert.Contains("with dbtcloud_artifacts_job.this", error);
        Assert.Contains("environment_id 110 is not an environment of project_id 10: its environments are 100 (Production), 101 (Development)", error);
        Assert.Matches(new Regex(@"\d+:\s+environment_id\s+=\s+110"), error);
        var counts = await fixture.RequestCountsAsync();
        Assert.Equal(1, ProviderFixture.Delta(None, counts, k => k == EnvironmentList));
        Assert.Equal(0, ProviderFixture.Delta(None, counts, ProviderFixture.IsWrite));
        Assert.Empty(await fixture.JobsAsync());
    }

    [Fact]
    public async Task A_job_in_a_project_that_does_not_exist_fails_the_plan_at_project_id()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "check-job-project").WriteConfig(Job(project: 999, environment: 100));

        var plan = (await tf.PlanAsync()).Expect(1);

        var error = Assert.Single(Diagnostics(plan.Output));
        Assert.Contains("Error: Project not found", error);
        Assert.Contains("dbt Cloud account 1 has no project 999", error);
        Assert.Matches(new Regex(@"\d+:\s+project_id\s+=\s+999"), error);
        Assert.Equal(0, ProviderFixture.Delta(None, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
    }

    [Fact]
    public async Task A_token_grant_on_a_project_that_does_not_exist_fails_the_plan()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "check-grant-project").WriteConfig("""
            resource "dbtcloud_service_token" "t" {
              name = "Datafold CI"
              service_token_permissions {
                permission_set = "member"
                all_projects   = false
                project_id     = 10
              }
              service_token_permissions {
                permission_set = "developer"
                all_projects   = false
                project_id     = 4242
              }
            }
            """);

        var plan = (await tf.PlanAsync()).Expect(1);

        var error = Assert.Single(Diagnostics(plan.Output));
        Assert.Contains("Error: Project not found", error);
        Assert.Contains("with dbtcloud_service_token.t", error);
        Assert.Contains("The \"developer\" grant names project_id 4242, which is not a project of dbt Cloud account 1", error);
        Assert.DoesNotContain("project_id 10,", error);
        var counts = await fixture.RequestCountsAsync();
        Assert.Equal(1, ProviderFixture.Delta(None, counts, k => k == ProjectList));
        Assert.Equal(0, ProviderFixture.Delta(None, counts, ProviderFixture.IsWrite));
        Assert.Empty(await fixture.ServiceTokensAsync());
    }

    [Fact]
    public async Task With_one_grant_written_the_missing_project_error_quotes_its_project_id_line()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "check-grant-project-one").WriteConfig("""
            resource "dbtcloud_service_token" "t" {
              name = "Datafold CI"
              service_token_permissions {
                permission_set = "member"
                all_projects   = false
                project_id     = 4243
              }
            }
            """);

        var plan = (await tf.PlanAsync()).Expect(1);

        var error = Assert.Single(Diagnostics(plan.Output));
        Assert.Contains("Error: Project not found", error);
        Assert.Contains("project_id = 4243", error); // Terraform quotes the line that names the project (spaces folded here)
        Assert.Equal(0, ProviderFixture.Delta(None, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
        Assert.Empty(await fixture.ServiceTokensAsync());
    }

    [Fact]
    public async Task An_integration_with_a_data_source_that_does_not_exist_fails_the_plan_at_data_source_id()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "check-data-source").WriteConfig(Integration(dataSource: 4711, repository: 3, artifactsJob: 1, token: "\"not-sent\""));

        var plan = (await tf.PlanAsync()).Expect(1);

        var error = Assert.Single(Diagnostics(plan.Output));
        Assert.Contains("Error: Data source not found", error);
        Assert.Contains("has no data source 4711", error);
        Assert.Matches(new Regex(@"\d+:\s+data_source_id\s+=\s+4711"), error);
        var counts = await fixture.RequestCountsAsync();
        Assert.Equal(1, ProviderFixture.Delta(None, counts, k => k == DataSourceGet));
        Assert.Equal(0, ProviderFixture.Delta(None, counts, ProviderFixture.IsWrite));
        Assert.Empty(await fixture.CiConfigsAsync());
    }

    [Fact]
    public async Task The_checks_run_on_create_and_on_change_and_a_no_op_plan_after_apply_reads_nothing_more()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "check-budget").WriteConfig(Setup(environment: 100));

        (await tf.ApplyAsync()).Succeeded();
        var applied = await fixture.RequestCountsAsync();
        Assert.True(ProviderFixture.Delta(None, applied, k => k == EnvironmentList) >= 1);
        Assert.True(ProviderFixture.Delta(None, applied, k => k == ProjectList) >= 1);
        Assert.True(ProviderFixture.Delta(None, applied, k => k == DataSourceGet) >= 1);

        (await tf.PlanAsync()).Expect(0);
        var noOp = await fixture.RequestCountsAsync();
        Assert.Equal(0, ProviderFixture.Delta(applied, noOp, k => k is EnvironmentList or ProjectList or DataSourceGet));
        Assert.Equal(0, ProviderFixture.Delta(applied, noOp, ProviderFixture.IsWrite));

        // Another environment of the same project: the job's check runs again (and passes); the others do not.
        tf.WriteConfig(Setup(environment: 101));
        (await tf.PlanAsync()).Expect(2);
        var changed = await fixture.RequestCountsAsync();
        Assert.Equal(1, ProviderFixture.Delta(noOp, changed, k => k == EnvironmentList));
        Assert.Equal(0, ProviderFixture.Delta(noOp, changed, k => k is ProjectList or DataSourceGet));
    }

    [Fact]
    public async Task A_check_that_cannot_reach_the_service_warns_and_leaves_the_verdict_to_the_apply()
    {
        await fixture.ResetAsync();
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "GET", ["path_prefix"] = "/api/v3/accounts/1/projects/10/environments/", ["kind"] = "status", ["status"] = 503,
        });
        var tf = TerraformCli.InNewDirectory(fixture, "check-outage");
        tf.Runner.WriteConfig(ProviderFixture.ProvidersHcl.Replace("provider \"dbtcloud\" {}", "provider \"dbtcloud\" {\n  max_retries = 0\n}") +
                              Job(project: 10, environment: 100));

        var plan = (await tf.PlanAsync()).Expect(2);

        Assert.Contains("Warning: Could not check project_id and environment_id", plan.Output);
        Assert.Contains("The plan goes on", Regex.Replace(plan.Output, @"[│\s]+", " "));
        Assert.Equal(0, ProviderFixture.Delta(None, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
    }

    [Fact]
    public async Task When_the_check_gets_no_answer_the_apply_lets_dbt_Cloud_decide_and_its_400_at_two_fields_shows_at_both_attributes()
    {
        await fixture.ResetAsync();
        await fixture.AddFaultAsync(new JsonObject
        {
            ["method"] = "GET", ["path_prefix"] = "/api/v3/accounts/1/projects/999/environments/", ["kind"] = "status", ["status"] = 503,
        });
        var tf = TerraformCli.InNewDirectory(fixture, "check-outage-apply");
        tf.Runner.WriteConfig(ProviderFixture.ProvidersHcl.Replace("provider \"dbtcloud\" {}", "provider \"dbtcloud\" {\n  max_retries = 0\n}") +
                              Job(project: 999, environment: 110));

        var applied = (await tf.ApplyAsync()).Expect(1);

        Assert.Contains("Warning: Could not check project_id and environment_id", applied.Output);
        var errors = Diagnostics(applied.Output);
        Assert.Equal(2, errors.Count);
        var project = Assert.Single(errors, e => e.Contains("Error: dbt Cloud rejected project_id"));
        Assert.Contains("Project 999 does not exist in account 1", project);
        Assert.Matches(new Regex(@"\d+:\s+project_id\s+=\s+999"), project);
        var environment = Assert.Single(errors, e => e.Contains("Error: dbt Cloud rejected environment_id"));
        Assert.Contains("Environment 110 does not belong to project 999", environment);
        Assert.Matches(new Regex(@"\d+:\s+environment_id\s+=\s+110"), environment);
        Assert.Empty(await fixture.JobsAsync());
    }

    [Fact]
    public async Task A_Datafold_422_at_two_fields_shows_one_error_at_each_attribute()
    {
        await fixture.ResetAsync();
        // A real job, but of another account: Datafold refuses it at dbt_cloud.artifacts_job_id; repository 999 at repo_id.
        var otherJob = await fixture.DbtCloudAsync(HttpMethod.Post, "/v2/accounts/2/jobs/", new JsonObject
        {
            ["account_id"] = 2, ["project_id"] = 20, ["environment_id"] = 200, ["name"] = "Other account's job",
            ["execute_steps"] = new JsonArray("dbt compile"),
            ["settings"] = new JsonObject { ["threads"] = 1, ["target_name"] = "default" },
            ["triggers"] = new JsonObject { ["schedule"] = false },
            ["schedule"] = new JsonObject
            {
                ["date"] = new JsonObject { ["type"] = "every_day" },
                ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
            },
        });
        var tf = TerraformCli.InNewDirectory(fixture, "two-fields-422").WriteConfig(
            Token("all_projects = true") + Integration(dataSource: 7, repository: 999, artifactsJob: (int)otherJob!["id"]!));

        var applied = (await tf.ApplyAsync()).Expect(1);

        var errors = Diagnostics(applied.Output).Where(e => e.Contains("with datafold_dbt_integration.ci")).ToList();
        Assert.Equal(2, errors.Count);
        var repository = Assert.Single(errors, e => e.Contains("Datafold rejected repository_id"));
        Assert.Contains("Repository 999 not found in this organization", repository);
        Assert.Contains("at repo_id", repository);
        Assert.Matches(new Regex(@"\d+:\s+repository_id\s+=\s+999"), repository);
        var job = Assert.Single(errors, e => e.Contains("Datafold rejected artifacts_job_id"));
        Assert.Contains($"Job {(int)otherJob["id"]!} is not an active job of dbt Cloud account 1", job);
        Assert.Matches(new Regex(@"\d+:\s+artifacts_job_id\s+="), job);
        Assert.Empty(await fixture.CiConfigsAsync());
    }

    // ---- helpers ----

    private static readonly Dictionary<string, int> None = [];

    private static string Job(int project, int environment) => DatafoldSetup.Job(label: "this", project: project, environment: environment);

    private static string Token(string grant) => DatafoldSetup.Token(grant: grant);

    private static string Integration(int dataSource, int repository, int artifactsJob, string token = "dbtcloud_service_token.datafold.token_string") =>
        DatafoldSetup.Integration(token: token, artifactsJob: artifactsJob.ToString(), repository: repository, dataSource: dataSource);

    /// <summary>Token (granted on project 10), job and integration: every plan-time check runs on their create.</summary>
    private static string Setup(int environment) =>
        Token("all_projects = false\n    project_id = 10") + Job(10, environment) + DatafoldSetup.Integration(artifactsJob: "dbtcloud_artifacts_job.this.job_id");

    /// <summary>Terraform's diagnostic blocks ("Error: …" up to the next one), each on one line without the box drawing.</summary>
    private static List<string> Diagnostics(string output) =>
        Regex.Split(output, @"(?=^│? ?Error: )", RegexOptions.Multiline)
            .Where(b => Regex.IsMatch(b, @"^│? ?Error: "))
            .Select(b => Regex.Replace(b, @"[│╷╵\s]+", " "))
            .ToList();
}
