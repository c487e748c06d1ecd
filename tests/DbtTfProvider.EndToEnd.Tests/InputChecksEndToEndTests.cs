using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// Inputs that used to pass the plan and fail (or half-succeed) at apply (issue 17, items 6 to 9 and 11), with the real
/// terraform, the AOT provider and the emulator: each is refused at plan, at its attribute, before anything is written;
/// repeated errors are capped; what a message echoes shows every character; look-ups skip deleted namesakes.
/// </summary>
public sealed class InputChecksEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private static string Flat(TerraformResult result) => DataSourcesEndToEndTests.Flat(result);

    /// <summary>The output's diagnostics but the dev_overrides warning, one string each (box drawing and wrapping undone).</summary>
    private static string[] Diagnostics(TerraformResult result) =>
        result.Output.Split(["Error: ", "Warning: "], StringSplitOptions.None).Skip(1)
            .Select(d => Regex.Replace(d, @"[│╷╵\s]+", " ")).Where(d => !d.StartsWith("Provider development overrides", StringComparison.Ordinal)).ToArray();

    /// <summary>A token, a job and the integration that uses both, with these sampling settings.</summary>
    private static string Integration(string sampling) => $$"""
        resource "dbtcloud_service_token" "t" {
          name = "Datafold CI"
          service_token_permissions {
            permission_set = "member"
            all_projects   = true
          }
        }

        resource "dbtcloud_artifacts_job" "j" {
          project_id     = 10
          environment_id = 100
        }

        resource "datafold_dbt_integration" "ci" {
          name                 = "sampling"
          repository_id        = 3
          data_source_id       = 7
          dbt_cloud_account_id = 1
          dbt_cloud_api_token  = dbtcloud_service_token.t.token_string
          artifacts_job_id     = dbtcloud_artifacts_job.j.job_id
          sampling {
            {{sampling}}
          }
        }
        """;

    [Theory]
    [InlineData("tolerance = 1e400", "tolerance must be greater than 0 and less than 1; got 1e400.")]
    [InlineData("tolerance = 0", "tolerance must be greater than 0 and less than 1; got 0.")]
    [InlineData("confidence = 100", "confidence must be greater than 0 and less than 100; got 100.")]
    [InlineData("confidence = -1e400", "confidence must be greater than 0 and less than 100; got -1e400.")]
    [InlineData("confidence = 1e-400", "confidence is too close to 0: 1e-400 would be sent as 0")]
    public async Task Sampling_numbers_outside_Datafolds_bounds_fail_the_plan_at_the_attribute(string setting, string message)
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "sampling-bounds").WriteConfig(Integration(setting));
        var before = await fixture.RequestCountsAsync();

        var plan = (await tf.PlanAsync()).Expect(1);

        var error = Assert.Single(Diagnostics(plan));
        Assert.StartsWith("Invalid attribute value", error);
        Assert.Contains(message, error);
        Assert.Contains($"{setting.Split(' ')[0]} = ", error); // Terraform quotes the attribute's line
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
        Assert.Empty(await fixture.CiConfigsAsync());

        tf.WriteConfig(Integration("tolerance = 0.001\n    confidence = 99.9"));
        (await tf.ApplyAsync()).Succeeded();
        var sampling = Assert.Single(await fixture.CiConfigsAsync())["sampling"]!;
        Assert.Equal((0.001, 99.9), ((double)sampling["tolerance"]!, (double)sampling["confidence"]!));
    }

    private static string Job(string name, string projectId, string environmentId, string cron = "0 * * * *") => $$"""
        resource "dbtcloud_artifacts_job" "{{name}}" {
          project_id     = {{projectId}}
          environment_id = {{environmentId}}
          schedule_cron  = "{{cron}}"
        }

        """;

    [Fact]
    public async Task Ids_below_1_and_crons_dbt_Cloud_would_never_run_fail_validate_at_the_attribute_without_a_request()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "job-ids-crons").WriteConfig(
            Job("zero_project", "0", "100") +
            Job("negative_environment", "10", "-1") +
            Job("february_31", "10", "100", "0 0 31 2 *") +
            Job("nearest_weekday", "10", "100", "0 0 15W * *") +
            Job("nth_weekday", "10", "100", "0 0 * * 5#2") +
            Job("question_mark", "10", "100", "0 0 ? * 1") +
            Job("no_break_space", "10", "100", "0\\u00a0* * * *"));
        var before = await fixture.RequestCountsAsync();

        var validate = (await tf.ValidateAsync()).Expect(1);

        var errors = Diagnostics(validate);
        Assert.Equal(7, errors.Length);
        string At(string name) => Assert.Single(errors, e => e.Contains($"dbtcloud_artifacts_job.{name},"));
        Assert.Contains("project_id must be at least 1; got 0.", At("zero_project"));
        Assert.Contains("environment_id must be at least 1; got -1.", At("negative_environment"));
        Assert.Contains("schedule_cron never fires: no date matches \"0 0 31 2 *\"", At("february_31"));
        Assert.Contains("uses \"W\" (nearest weekday) in \"0 0 15W * *\", which dbt Cloud's scheduler does not take", At("nearest_weekday"));
        Assert.Contains("uses \"#\" (nth weekday of the month)", At("nth_weekday"));
        Assert.Contains("uses \"?\" in \"0 0 ? * 1\"", At("question_mark"));
        // The no-break space is shown as an escape (Terraform's own quote of the line keeps the configuration's \u00a0).
        Assert.Contains("schedule_cron holds a character other than a plain space between its fields: \"0\\u00A0* * * *\"", At("no_break_space"));
        Assert.DoesNotContain("\u00a0", validate.Output);
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), _ => true));

        // The largest id is a valid int64 (dbt Cloud's spec types ids so): the plan-time check reads and finds no such project.
        tf.WriteConfig(Job("huge_project", "9223372036854775807", "100"));
        var huge = Assert.Single(Diagnostics((await tf.PlanAsync()).Expect(1)));
        Assert.StartsWith("Project not found with dbtcloud_artifacts_job.huge_project", huge);
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));

        // dbt Cloud documents L, the last day of the month, as the day-of-month field: accepted.
        tf.WriteConfig(Job("last_day", "10", "100", "0 0 L * *"));
        (await tf.ApplyAsync()).Succeeded();
        Assert.Equal("0 0 L * *", (string?)Assert.Single(await fixture.JobsAsync())["schedule"]!["date"]!["cron"]);
    }

    [Fact]
    public async Task Five_hundred_grants_on_missing_projects_show_ten_errors_and_one_that_counts_the_rest()
    {
        await fixture.ResetAsync();
        var grants = string.Concat(Enumerable.Range(0, 500).Select(i => $$"""
              service_token_permissions {
                permission_set = "developer"
                all_projects   = false
                project_id     = {{5000 + i}}
              }

            """));
        var tf = TerraformCli.InNewDirectory(fixture, "many-grants").WriteConfig($$"""
            resource "dbtcloud_service_token" "t" {
              name = "Datafold CI"
            {{grants}}
            }
            """);

        var plan = (await tf.PlanAsync()).Expect(1);

        var errors = Diagnostics(plan);
        Assert.Equal(11, errors.Length);
        Assert.Equal(10, errors.Count(e => e.StartsWith("Project not found with dbtcloud_service_token.t", StringComparison.Ordinal)));
        var rest = errors[^1];
        Assert.StartsWith("Project not found: 490 more with dbtcloud_service_token.t", rest);
        Assert.Contains("490 more errors \"Project not found\" of this resource are not shown", rest);
        Assert.Empty(await fixture.ServiceTokensAsync());
    }

    private static string LookUps(string project, string environment) => $$"""
        data "dbtcloud_project" "p" {
          name = "{{project}}"
        }

        data "dbtcloud_environment" "e" {
          project_id = 10
          name       = "{{environment}}"
        }

        output "project_id" { value = data.dbtcloud_project.p.project_id }
        output "environment_id" { value = data.dbtcloud_environment.e.environment_id }
        """;

    [Fact]
    public async Task Control_characters_in_a_name_are_escaped_in_the_error_that_echoes_it()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "control-characters").WriteConfig(
            LookUps("Analytics\\u001b[31m red", "Production\\nInjected: line"));

        var plan = (await tf.PlanAsync()).Expect(1);

        Assert.DoesNotContain("\u001b", plan.Output);
        Assert.DoesNotContain("\nInjected", plan.Output);
        var flat = Flat(plan);
        Assert.Contains("Error: No project named \"Analytics\\u001B[31m red\"", flat);
        Assert.Contains("is named \"Analytics\\u001B[31m red\" (names match exactly, case included)", flat);
        Assert.Contains("Error: No environment named \"Production\\nInjected: line\"", flat);
    }

    [Fact]
    public async Task Look_ups_skip_deleted_projects_and_environments_and_the_emulator_holds_deleted_namesakes()
    {
        await fixture.ResetAsync();
        // The emulator's seed: project 12 "Analytics" and environment 102 "Production" of project 10 are deleted.
        var projects = (await fixture.DbtCloudAsync(HttpMethod.Get, "/v3/accounts/1/projects/"))!.AsArray();
        Assert.Equal(2, projects.Count(p => (string?)p!["name"] == "Analytics"));
        Assert.Equal(2, (int?)projects.Single(p => (int?)p!["id"] == 12)!["state"]);
        var tf = TerraformCli.InNewDirectory(fixture, "deleted-namesakes").WriteConfig(LookUps("Analytics", "Production"));

        var plan = Flat((await tf.PlanAsync()).Expect(2));
        Assert.Contains("project_id = 10", plan);
        Assert.Contains("environment_id = 100", plan);

        // A name only deleted objects have is not found, and the names listed are the active ones.
        tf.WriteConfig(LookUps("Archive", "Staging"));
        var gone = Flat((await tf.PlanAsync()).Expect(1));
        Assert.Contains("No project in dbt Cloud account 1 is named \"Archive\" (names match exactly, case included). The projects there are named: \"Analytics\", \"Marketing\".", gone);
        Assert.Contains("No environment in dbt Cloud project 10 is named \"Staging\" (names match exactly, case included). The environments there are named: \"Production\", \"Development\".", gone);

        // A job in the deleted project fails the plan at project_id, as does a token grant on it.
        tf.WriteConfig(Job("in_deleted", "12", "120") + """
            resource "dbtcloud_service_token" "t" {
              name = "on a deleted project"
              service_token_permissions {
                permission_set = "developer"
                all_projects   = false
                project_id     = 12
              }
            }
            """);
        var deleted = Diagnostics((await tf.PlanAsync()).Expect(1));
        Assert.Contains(deleted, e => e.StartsWith("Project not found with dbtcloud_artifacts_job.in_deleted", StringComparison.Ordinal) && e.Contains("has no project 12"));
        Assert.Contains(deleted, e => e.StartsWith("Project not found with dbtcloud_service_token.t", StringComparison.Ordinal) && e.Contains("names project_id 12"));
        Assert.Empty(await fixture.JobsAsync());
        Assert.Empty(await fixture.ServiceTokensAsync());
    }
}
