using DbtTfProvider.Datafold;
using DbtTfProvider.Datafold.CiConfigContract;
using DbtTfProvider.Emulator;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests.Emulator;

/// <summary>
/// The Datafold client against a host of Datafold's current app, as the emulator plays it: no CI-config routes (CI
/// integrations are Datafold Classic's) and no organization/meta (not in the published API file); data sources of
/// several documented types, one paused and one the key's user may not use.
/// </summary>
public sealed class DatafoldCurrentAppEmulatorTests : EmulatorHarness
{
    protected override EmulatorSeed Seed()
    {
        var seed = EmulatorSeed.Default();
        seed.Datafold.CiConfigRoutes = false;
        seed.Datafold.OrganizationMetaRoute = false;
        seed.Datafold.Organizations =
        [
            .. seed.Datafold.Organizations,
            new SeedOrganization { Id = 3, Name = "Members", ApiKeys = [new SeedApiKey { Key = "df_member_key", UserId = 30, Admin = false, GroupIds = [1] }] },
        ];
        seed.Datafold.DataSources =
        [
            .. seed.Datafold.DataSources,
            new SeedDataSource { Id = 31, OrganizationId = 3, Name = "Postgres", Type = "pg", GroupIds = [1] },
            new SeedDataSource { Id = 32, OrganizationId = 3, Name = "Lake", Type = "aws_s3", GroupIds = [2] },
            new SeedDataSource { Id = 33, OrganizationId = 3, Name = "Paused", Type = "mongodb", GroupIds = [1], Paused = true },
        ];
        return seed;
    }

    [Fact]
    public async Task Without_organization_meta_the_key_is_checked_with_the_data_source_list_and_the_organisation_stays_unknown()
    {
        var client = Datafold();

        var meta = await client.CheckCredentialsAsync();
        var invalid = await Assert.ThrowsAsync<DatafoldApiException>(() => Datafold("df_wrong").CheckCredentialsAsync());

        Assert.Null(meta);
        Assert.Null(client.OrganizationId);
        Assert.True(client.OrganizationUnknown);
        Assert.Equal(ApiErrorKind.Unauthorized, invalid.Kind);
        Assert.Equal(1, (int)(await StateAsync())["requests"]!["GET /api/v1/data_sources"]!);
    }

    [Fact]
    public async Task Data_sources_carry_accessible_and_is_paused_as_published()
    {
        var sources = await Datafold("df_member_key").DataSources.ListAsync();

        Assert.Equal([(31L, "pg", true, false), (32L, "aws_s3", false, false), (33L, "mongodb", true, true)],
            sources.Select(s => (s.Id, s.Type, s.Accessible, s.IsPaused ?? false)));
    }

    [Fact]
    public async Task Every_CI_config_operation_fails_naming_Datafold_Classic_and_never_takes_a_config_for_deleted()
    {
        var configs = Datafold().CiConfigs;
        var config = new DbtCloudCiConfig { Name = "ci", RepoId = 3, DataSourceId = 7, DbtCloud = new DbtCloudCiSettings { AccountId = 1, ApiKey = "dbtc_x", ArtifactsJobId = 1 } };

        Exception[] errors =
        [
            await Assert.ThrowsAsync<DatafoldApiException>(() => configs.CreateAsync(config)),
            await Assert.ThrowsAsync<DatafoldApiException>(() => configs.GetAsync(12)),
            await Assert.ThrowsAsync<DatafoldApiException>(() => configs.DeleteAsync(12)),
            await Assert.ThrowsAsync<DatafoldApiException>(() => configs.ListAsync()),
        ];

        foreach (var error in errors)
        {
            Assert.Contains("Datafold serves CI integrations only in Datafold Classic", error.Message);
            Assert.Contains("https://app.datafold.com, https://eu.datafold.com", error.Message);
            Assert.NotEqual(ApiErrorKind.NotFound, ((DatafoldApiException)error).Kind);
        }
        Assert.Empty(await DatafoldStateAsync("ci_configs"));
    }
}
