namespace DbtTfProvider.EndToEnd.Tests;

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
