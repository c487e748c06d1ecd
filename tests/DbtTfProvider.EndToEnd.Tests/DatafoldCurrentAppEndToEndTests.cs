using DbtTfProvider.Emulator;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// A host of Datafold's current app, as the emulator plays it: no organization/meta (not in the published API file) and
/// no CI-config routes (CI integrations are Datafold Classic's). The provider configures all the same, and an
/// integration fails at plan naming Datafold Classic and its hosts.
/// </summary>
public sealed class DatafoldCurrentAppEndToEndTests(DatafoldCurrentAppEndToEndTests.Fixture fixture) : IClassFixture<DatafoldCurrentAppEndToEndTests.Fixture>
{
    public sealed class Fixture : ProviderFixture
    {
        protected override EmulatorSeed Seed()
        {
            var seed = EmulatorSeed.Default();
            seed.Datafold.CiConfigRoutes = false;
            seed.Datafold.OrganizationMetaRoute = false;
            return seed;
        }
    }

    [Fact]
    public async Task Without_organization_meta_the_provider_configures_with_the_data_source_list()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "current-app-lookup").WriteConfig("""
            data "datafold_data_source" "warehouse" {
              name = "Snowflake production"
            }

            output "id" {
              value = data.datafold_data_source.warehouse.data_source_id
            }
            """);

        var applied = (await tf.ApplyAsync()).Succeeded();

        Assert.Contains("id = 7", applied.Output);
    }

    [Fact]
    public async Task An_integration_fails_at_plan_naming_Datafold_Classic_and_its_hosts()
    {
        await fixture.ResetAsync();
        var tf = TerraformCli.InNewDirectory(fixture, "current-app-integration").WriteConfig("""
            resource "datafold_dbt_integration" "ci" {
              name                 = "dbt Cloud CI"
              repository_id        = 3
              data_source_id       = 7
              dbt_cloud_account_id = 1
              dbt_cloud_api_token  = "dbtc_not_sent_at_plan"
              artifacts_job_id     = 1
            }
            """);

        var plan = (await tf.PlanAsync()).Expect(1);

        var output = DataSourcesEndToEndTests.Flat(plan);
        Assert.Contains("Error: CI integrations not served by this Datafold host", output);
        Assert.Contains("Datafold serves CI integrations only in Datafold Classic (https://app.datafold.com, https://eu.datafold.com or a Classic dedicated deployment)", output);
        Assert.Equal(0, ProviderFixture.Delta(new Dictionary<string, int>(), await fixture.RequestCountsAsync(), ProviderFixture.IsWrite));
    }
}
