using System.Text.Json;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The look-ups by name (<c>dbtcloud_project</c>, <c>dbtcloud_environment</c>, <c>datafold_data_source</c>) with the
/// real terraform, the AOT provider and the emulator's seed: names resolve to ids during the plan, a wrong name fails
/// the plan naming what exists, and reading writes nothing.
/// </summary>
public sealed class DataSourcesEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    /// <summary>Terraform's output with its box drawing and line wrapping undone.</summary>
    internal static string Flat(TerraformResult result) => Regex.Replace(result.Output, @"[│╷╵\s]+", " ");

    private static string LookUps(string project, string environment, string dataSource, string projectId = "data.dbtcloud_project.analytics.project_id") => $$"""
        data "dbtcloud_project" "analytics" {
          name = "{{project}}"
        }

        data "dbtcloud_environment" "production" {
          project_id = {{projectId}}
          name       = "{{environment}}"
        }

        data "datafold_data_source" "warehouse" {
          name = "{{dataSource}}"
        }

        output "project" { value = data.dbtcloud_project.analytics }
        output "environment" { value = data.dbtcloud_environment.production }
        output "data_source" { value = data.datafold_data_source.warehouse }
        """;

    [Fact]
    public async Task The_seeded_names_resolve_to_their_ids_during_the_plan_and_reading_writes_nothing()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "data-sources").WriteConfig(LookUps("Analytics", "Production", "Snowflake production"));
        var before = await fixture.RequestCountsAsync();

        var plan = Flat((await tf.PlanAsync()).Expect(2));
        // Read during the plan (the configuration is known), so the plan already shows the ids.
        Assert.Contains("project_id = 10", plan);
        Assert.Contains("environment_id = 100", plan);
        Assert.Contains("data_source_id = 7", plan);

        (await tf.ApplyAsync()).Succeeded();
        var outputs = JsonDocument.Parse((await tf.RunAsync("output", "-json")).Succeeded().Stdout).RootElement;
        var project = outputs.GetProperty("project").GetProperty("value");
        Assert.Equal("10", project.GetProperty("id").GetString());
        Assert.Equal(10, project.GetProperty("project_id").GetInt64());
        Assert.Equal("The company's dbt project", project.GetProperty("description").GetString());
        var environment = outputs.GetProperty("environment").GetProperty("value");
        Assert.Equal("100", environment.GetProperty("id").GetString());
        Assert.Equal(100, environment.GetProperty("environment_id").GetInt64());
        Assert.Equal(10, environment.GetProperty("project_id").GetInt64());
        Assert.Equal("deployment", environment.GetProperty("type").GetString());
        Assert.Equal("production", environment.GetProperty("deployment_type").GetString());
        Assert.Equal("latest", environment.GetProperty("dbt_version").GetString());
        var dataSource = outputs.GetProperty("data_source").GetProperty("value");
        Assert.Equal("7", dataSource.GetProperty("id").GetString());
        Assert.Equal(7, dataSource.GetProperty("data_source_id").GetInt64());
        Assert.Equal("snowflake", dataSource.GetProperty("type").GetString());

        // Another project's environment of the same name resolves to its own id.
        tf.WriteConfig(LookUps("Marketing", "Production", "Snowflake production", projectId: "data.dbtcloud_project.analytics.project_id"));
        (await tf.ApplyAsync()).Succeeded();
        var marketing = JsonDocument.Parse((await tf.RunAsync("output", "-json")).Succeeded().Stdout).RootElement;
        Assert.Equal(110, marketing.GetProperty("environment").GetProperty("value").GetProperty("environment_id").GetInt64());

        var after = await fixture.RequestCountsAsync();
        Assert.Equal(0, ProviderFixture.Delta(before, after, ProviderFixture.IsWrite));
        Assert.True(ProviderFixture.Delta(before, after, k => k == "GET /api/v3/accounts/{account_id}/projects/") > 0);
        Assert.True(ProviderFixture.Delta(before, after, k => k == "GET /api/v1/data_sources") > 0);
        Assert.Empty(await fixture.ServiceTokensAsync());
        Assert.Empty(await fixture.JobsAsync());
        Assert.Empty(await fixture.CiConfigsAsync());
    }

    [Fact]
    public async Task A_wrong_name_fails_the_plan_at_the_name_listing_the_names_that_exist()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "data-sources-wrong").WriteConfig(LookUps("analytics", "production", "Snowflake", projectId: "10"));
        var before = await fixture.RequestCountsAsync();

        var plan = Flat((await tf.PlanAsync()).Expect(1));

        Assert.Contains("Error: No project named \"analytics\"", plan);
        Assert.Contains("No project in dbt Cloud account 1 is named \"analytics\" (names match exactly, case included). The projects there are named: \"Analytics\", \"Marketing\".", plan);
        Assert.Contains("Error: No environment named \"production\"", plan);
        Assert.Contains("The environments there are named: \"Production\", \"Development\".", plan);
        Assert.Contains("Error: No data source named \"Snowflake\"", plan);
        Assert.Contains("No data source in Datafold organization 1 is named \"Snowflake\" (names match exactly, case included). The data sources there are named: \"Snowflake production\".", plan);
        // Each error points at the name in the configuration (the source line of the attribute, not of the block).
        Assert.Matches(@"\d+: name = ""analytics""", plan);
        Assert.Matches(@"\d+: name = ""production""", plan);
        Assert.Matches(@"\d+: name = ""Snowflake""", plan);

        // A project the account does not have: the error points at project_id.
        tf.WriteConfig(LookUps("Analytics", "Production", "Snowflake production", projectId: "20"));
        var otherAccount = Flat((await tf.PlanAsync()).Expect(1));
        Assert.Contains("Error: Project not found", otherAccount);
        Assert.Contains("dbt Cloud account 1 has no project 20, or the token cannot see it", otherAccount);
        Assert.Matches(@"\d+: project_id = 20", otherAccount);

        var after = await fixture.RequestCountsAsync();
        Assert.Equal(0, ProviderFixture.Delta(before, after, ProviderFixture.IsWrite));
    }
}
