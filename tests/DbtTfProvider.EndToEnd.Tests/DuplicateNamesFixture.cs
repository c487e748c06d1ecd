using DbtTfProvider.Emulator;

namespace DbtTfProvider.EndToEnd.Tests;

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
