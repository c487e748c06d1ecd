using System.Text.RegularExpressions;
using DbtTfProvider.Emulator;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// Datafold as its published API describes data sources: <c>accessible</c> for the API key's user and <c>is_paused</c>.
/// A data source the key cannot use fails the integration's plan at <c>data_source_id</c>; a paused one warns.
/// </summary>
public sealed class DatafoldAsPublishedEndToEndTests(DatafoldAsPublishedEndToEndTests.Fixture fixture) : IClassFixture<DatafoldAsPublishedEndToEndTests.Fixture>
{
    /// <summary>Organisation 1 also has a member's key (group 1), a lake in group 2 only and a paused database in group 1.</summary>
    public sealed class Fixture : ProviderFixture
    {
        public const string MemberKey = "df_member_key";

        protected override EmulatorSeed Seed()
        {
            var seed = EmulatorSeed.Default();
            seed.Datafold.Organizations =
            [
                .. seed.Datafold.Organizations.Select(o => o.Id == 1
                    ? o with { ApiKeys = [.. o.ApiKeys, new SeedApiKey { Key = MemberKey, UserId = 11, Admin = false, GroupIds = [1] }] }
                    : o),
            ];
            seed.Datafold.DataSources =
            [
                .. seed.Datafold.DataSources,
                new SeedDataSource { Id = 20, OrganizationId = 1, Name = "Lake", Type = "aws_s3", GroupIds = [2] },
                new SeedDataSource { Id = 21, OrganizationId = 1, Name = "Paused Postgres", Type = "pg", GroupIds = [1], Paused = true },
            ];
            return seed;
        }
    }

    [Fact]
    public async Task The_data_source_look_up_shows_accessible_and_is_paused_for_the_keys_user()
    {
        await fixture.ResetAsync();
        var tf = AsMember(TerraformCli.InNewDirectory(fixture, "ds-access")).WriteConfig("""
            data "datafold_data_source" "lake" {
              name = "Lake"
            }

            data "datafold_data_source" "paused" {
              name = "Paused Postgres"
            }

            output "lake" {
              value = [data.datafold_data_source.lake.type, data.datafold_data_source.lake.accessible, data.datafold_data_source.lake.is_paused]
            }

            output "paused" {
              value = [data.datafold_data_source.paused.type, data.datafold_data_source.paused.accessible, data.datafold_data_source.paused.is_paused]
            }
            """);

        var applied = (await tf.ApplyAsync()).Succeeded();

        var flat = DataSourcesEndToEndTests.Flat(applied);
        Assert.Contains("lake = [ \"aws_s3\", false, false, ]", flat);
        Assert.Contains("paused = [ \"pg\", true, true, ]", flat);
    }

    [Fact]
    public async Task A_data_source_the_key_cannot_use_fails_the_plan_at_data_source_id_and_a_paused_one_warns()
    {
        await fixture.ResetAsync();
        var inaccessible = AsMember(TerraformCli.InNewDirectory(fixture, "ds-inaccessible")).WriteConfig(Integration(20));
        var paused = AsMember(TerraformCli.InNewDirectory(fixture, "ds-paused")).WriteConfig(Integration(21));

        var refused = (await inaccessible.PlanAsync()).Expect(1);
        var warned = (await paused.PlanAsync()).Expect(2);

        var error = DataSourcesEndToEndTests.Flat(refused);
        Assert.Contains("Error: Data source not accessible", error);
        Assert.Contains("Data source 20 (\"Lake\") of Datafold organisation 1 is not accessible to the user of the provider's API key", error);
        Assert.Matches(new Regex(@"\d+: data_source_id = 20"), error);
        var warning = DataSourcesEndToEndTests.Flat(warned);
        Assert.Contains("Warning: Data source is paused", warning);
        Assert.Contains("Data source 21 (\"Paused Postgres\") is paused in Datafold", warning);
        Assert.Empty(await fixture.CiConfigsAsync());
    }

    /// <summary>The bounds Datafold publishes for sampling tolerance (0 to 1) and confidence (0 to 100), both excluded.</summary>
    [Fact]
    public async Task Sampling_tolerance_and_confidence_out_of_their_bounds_fail_the_plan_at_each_attribute()
    {
        await fixture.ResetAsync();
        var tf = AsMember(TerraformCli.InNewDirectory(fixture, "sampling-bounds")).WriteConfig(Integration(7, """
              sampling {
                tolerance  = 1
                confidence = 100
              }
            """));

        var plan = (await tf.PlanAsync()).Expect(1);

        var output = DataSourcesEndToEndTests.Flat(plan);
        Assert.Contains("tolerance must be greater than 0 and less than 1; got 1.", output);
        Assert.Contains("confidence must be greater than 0 and less than 100; got 100.", output);
        Assert.Equal(0, ProviderFixture.Delta(new Dictionary<string, int>(), await fixture.RequestCountsAsync(), k => k.Contains("/ci/", StringComparison.Ordinal)));
    }

    /// <summary>The provider "datafold" with the member's API key (DATAFOLD_API_KEY).</summary>
    private static TerraformCli AsMember(TerraformCli tf)
    {
        tf.Runner.Environment["DATAFOLD_API_KEY"] = Fixture.MemberKey;
        return tf;
    }

    private static string Integration(long dataSourceId, string extra = "") => $$"""
        resource "datafold_dbt_integration" "ci" {
          name                 = "dbt Cloud CI"
          repository_id        = 3
          data_source_id       = {{dataSourceId}}
          dbt_cloud_account_id = 1
          dbt_cloud_api_token  = "dbtc_not_sent_at_plan"
          artifacts_job_id     = 1
        {{extra}}
        }
        """;
}
