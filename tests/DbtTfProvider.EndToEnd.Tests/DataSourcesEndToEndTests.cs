using System.Text.Json;
using System.Text.RegularExpressions;
using DbtTfProvider.Emulator;

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

/// <summary>
/// The emulator's seed plus objects that share a name (a project, an environment and a Datafold data source) and 150
/// more projects, so that the project list takes two pages.
/// </summary>
public sealed class DuplicateNamesFixture : ProviderFixture
{
    protected override EmulatorSeed Seed()
    {
        var seed = EmulatorSeed.Default();
        seed.DbtCloud.Projects =
        [
            .. seed.DbtCloud.Projects,
            new SeedProject { Id = 14, AccountId = 1, Name = "Marketing" }, // 12 and 13 are the default seed's deleted projects
            .. Enumerable.Range(1000, 150).Select(i => new SeedProject { Id = i, AccountId = 1, Name = $"Project {i}" }),
        ];
        seed.DbtCloud.Environments =
        [
            .. seed.DbtCloud.Environments,
            new SeedEnvironment { Id = 111, ProjectId = 11, Name = "Production", Type = "deployment", DeploymentType = "production" },
        ];
        seed.Datafold.DataSources =
        [
            .. seed.Datafold.DataSources,
            new SeedDataSource { Id = 9, OrganizationId = 1, Name = "Snowflake staging", Type = "snowflake" },
            new SeedDataSource { Id = 10, OrganizationId = 1, Name = "Snowflake staging", Type = "snowflake" },
        ];
        return seed;
    }
}

public sealed class DuplicateNamesEndToEndTests(DuplicateNamesFixture fixture) : IClassFixture<DuplicateNamesFixture>
{
    [Fact]
    public async Task A_name_two_objects_share_fails_the_plan_listing_both_ids()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "data-sources-duplicates").WriteConfig("""
            data "dbtcloud_project" "marketing" {
              name = "Marketing"
            }

            data "dbtcloud_environment" "production" {
              project_id = 11
              name       = "Production"
            }

            data "datafold_data_source" "staging" {
              name = "Snowflake staging"
            }
            """);
        var before = await fixture.RequestCountsAsync();

        var plan = DataSourcesEndToEndTests.Flat((await tf.PlanAsync()).Expect(1));

        Assert.Contains("Error: More than one project named \"Marketing\"", plan);
        Assert.Contains("2 projects in dbt Cloud account 1 are named \"Marketing\": ids 11, 14.", plan);
        Assert.Contains("Error: More than one environment named \"Production\"", plan);
        Assert.Contains("2 environments in dbt Cloud project 11 are named \"Production\": ids 110, 111.", plan);
        Assert.Contains("Error: More than one data source named \"Snowflake staging\"", plan);
        Assert.Contains("2 data sources in Datafold organization 1 are named \"Snowflake staging\": ids 9, 10.", plan);
        var after = await fixture.RequestCountsAsync();
        Assert.Equal(0, ProviderFixture.Delta(before, after, ProviderFixture.IsWrite));
    }

    [Fact]
    public async Task A_name_on_the_second_page_resolves_and_a_wrong_one_lists_the_first_20_names_and_how_many_more()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "data-sources-pages").WriteConfig("""
            data "dbtcloud_project" "last" {
              name = "Project 1149"
            }

            output "project_id" { value = data.dbtcloud_project.last.project_id }
            """);
        var before = await fixture.RequestCountsAsync();

        (await tf.ApplyAsync()).Succeeded();
        Assert.Equal("1149", (await tf.RunAsync("output", "-raw", "project_id")).Succeeded().Stdout.Trim());
        var after = await fixture.RequestCountsAsync();
        Assert.True(ProviderFixture.Delta(before, after, k => k == "GET /api/v3/accounts/{account_id}/projects/") >= 2, "the project list was not read page by page");

        tf.WriteConfig("""
            data "dbtcloud_project" "last" {
              name = "Project 9999"
            }
            """);
        var plan = DataSourcesEndToEndTests.Flat((await tf.PlanAsync()).Expect(1));
        // 152 distinct names: Analytics, Marketing, Project 1000 ... Project 1149.
        Assert.Contains("The projects there are named: \"Analytics\", \"Marketing\", \"Project 1000\",", plan);
        Assert.Contains("\"Project 1017\" and 132 more.", plan);
        Assert.DoesNotContain("Project 1018", plan);
        Assert.Equal(0, ProviderFixture.Delta(before, await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
    }
}
