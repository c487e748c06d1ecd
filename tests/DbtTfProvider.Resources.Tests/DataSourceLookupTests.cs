using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Resources.Tests.Fixtures;

namespace DbtTfProvider.Resources.Tests;

/// <summary>The look-ups by name: what each finds in the service's lists, and the error at <c>name</c> when it finds nothing.</summary>
public class DataSourceLookupTests : EmulatedProviderTests
{
    [Fact]
    public async Task A_dbt_Cloud_project_is_found_by_name_and_a_deleted_namesake_is_no_second_match()
    {
        // The seed also lists a deleted project "Analytics" (12).
        var (project, diagnostics) = await DbtCloud.ReadDataSourceAsync("dbtcloud_project", ("name", Str("Analytics")));

        Assert.Empty(diagnostics);
        Assert.Equal(("10", 10), (project.GetAttribute("id").AsString(), project.GetAttribute("project_id").AsNumber().ToInt64()));
        Assert.Equal("The company's dbt project", project.GetAttribute("description").AsString());
    }

    [Fact]
    public async Task A_dbt_Cloud_environment_is_found_by_name_in_its_project_with_its_kind_and_version()
    {
        var (environment, diagnostics) = await DbtCloud.ReadDataSourceAsync("dbtcloud_environment", ("project_id", Num(10)), ("name", Str("Production")));

        Assert.Empty(diagnostics);
        Assert.Equal(100, environment.GetAttribute("environment_id").AsNumber().ToInt64());
        Assert.Equal("100", environment.GetAttribute("id").AsString());
        Assert.Equal(("deployment", "production", "latest"),
            (environment.GetAttribute("type").AsString(), environment.GetAttribute("deployment_type").AsString(), environment.GetAttribute("dbt_version").AsString()));
    }

    [Fact]
    public async Task A_development_environment_has_no_deployment_type()
    {
        var (environment, _) = await DbtCloud.ReadDataSourceAsync("dbtcloud_environment", ("project_id", Num(10)), ("name", Str("Development")));

        Assert.Equal("development", environment.GetAttribute("type").AsString());
        Assert.True(environment.GetAttribute("deployment_type").IsNull);
    }

    [Fact]
    public async Task An_environment_name_with_no_match_is_an_error_at_name_that_lists_the_projects_environments()
    {
        var (_, diagnostics) = await DbtCloud.ReadDataSourceAsync("dbtcloud_environment", ("project_id", Num(10)), ("name", Str("production")));

        var error = Assert.Single(diagnostics);
        Assert.Equal("name", error.Path?.ToString());
        Assert.Contains("\"Production\"", error.Detail, StringComparison.Ordinal);
        Assert.Contains("\"Development\"", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Staging", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_of_a_project_the_account_does_not_have_is_an_error_at_project_id()
    {
        // Project 20 belongs to account 2: dbt Cloud answers 404, which may also mean the token cannot see it.
        var (_, diagnostics) = await DbtCloud.ReadDataSourceAsync("dbtcloud_environment", ("project_id", Num(20)), ("name", Str("Production")));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("Project not found", "project_id"), (error.Summary, error.Path?.ToString()));
        Assert.Contains("no project 20", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Datafold_data_source_is_found_by_name_with_its_type_and_access()
    {
        var (source, diagnostics) = await Datafold.ReadDataSourceAsync("datafold_data_source", ("name", Str("Snowflake production")));

        Assert.Empty(diagnostics);
        Assert.Equal(("7", 7), (source.GetAttribute("id").AsString(), source.GetAttribute("data_source_id").AsNumber().ToInt64()));
        Assert.Equal(("snowflake", true, false),
            (source.GetAttribute("type").AsString(), source.GetAttribute("accessible").AsBool(), source.GetAttribute("is_paused").AsBool()));
    }

    [Fact]
    public async Task Another_organisations_data_source_is_not_found()
    {
        var (_, diagnostics) = await Datafold.ReadDataSourceAsync("datafold_data_source", ("name", Str("BigQuery")));

        var error = Assert.Single(diagnostics);
        Assert.Equal("name", error.Path?.ToString());
        Assert.Contains("Snowflake production", error.Detail, StringComparison.Ordinal);
    }
}
