using System.Text.Json;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

/// <summary>
/// What the emulator starts with (and returns to on reset): the read-only world that the provider's resources
/// live in. Everything the provider creates (tokens, jobs, runs, CI configs) starts empty.
/// </summary>
public sealed class EmulatorSeed
{
    // Defaulted members are settable, not init-only: source-generated JSON would set an absent init-only member
    // to null instead of keeping its default.
    public DbtCloudSeed DbtCloud { get; set; } = new();

    public DatafoldSeed Datafold { get; set; } = new();

    /// <summary>
    /// dbt Cloud: account 1 "Acme" with project 10 (environments 100 deployment/production and 101 development) and
    /// project 11 (environment 110 deployment/production); account 2 "Other" with project 20 (environment 200).
    /// Deleted (state 2) namesakes: project 12 "Analytics" (with environment 120 "Production"), project 13 "Archive"
    /// (a name only a deleted project has), and in project 10 environments 102 "Production" and 103 "Staging".
    /// Admin token "dbtc_admin_token" sees accounts 1 and 2, "dbtc_other_token" sees account 2 only.
    /// Datafold: organisation 1 "Acme" (key "df_api_key", data source 7, repository 3) and organisation 2 "Other"
    /// (key "df_other_api_key", data source 8, repository 4).
    /// </summary>
    public static EmulatorSeed Default() => new()
    {
        DbtCloud = new DbtCloudSeed
        {
            Accounts = [new SeedAccount { Id = 1, Name = "Acme" }, new SeedAccount { Id = 2, Name = "Other" }],
            Projects =
            [
                new SeedProject { Id = 10, AccountId = 1, Name = "Analytics", Description = "The company's dbt project" },
                new SeedProject { Id = 11, AccountId = 1, Name = "Marketing" },
                new SeedProject { Id = 20, AccountId = 2, Name = "Other analytics" },
                // Deleted namesakes: a look-up by name must skip them.
                new SeedProject { Id = 12, AccountId = 1, Name = "Analytics", Description = "Deleted", State = 2 },
                new SeedProject { Id = 13, AccountId = 1, Name = "Archive", State = 2 },
            ],
            Environments =
            [
                new SeedEnvironment { Id = 100, ProjectId = 10, Name = "Production", Type = "deployment", DeploymentType = "production" },
                new SeedEnvironment { Id = 101, ProjectId = 10, Name = "Development", Type = "development" },
                new SeedEnvironment { Id = 110, ProjectId = 11, Name = "Production", Type = "deployment", DeploymentType = "production" },
                new SeedEnvironment { Id = 200, ProjectId = 20, Name = "Production", Type = "deployment", DeploymentType = "production" },
                new SeedEnvironment { Id = 102, ProjectId = 10, Name = "Production", Type = "deployment", DeploymentType = "production", State = 2 },
                new SeedEnvironment { Id = 103, ProjectId = 10, Name = "Staging", Type = "deployment", DeploymentType = "staging", State = 2 },
                new SeedEnvironment { Id = 120, ProjectId = 12, Name = "Production", Type = "deployment", DeploymentType = "production", State = 2 },
            ],
            AdminTokens =
            [
                new SeedAdminToken { Token = "dbtc_admin_token", Name = "Admin", AccountIds = [1, 2] },
                new SeedAdminToken { Token = "dbtc_other_token", Name = "Other admin", AccountIds = [2] },
            ],
        },
        Datafold = new DatafoldSeed
        {
            Organizations =
            [
                new SeedOrganization { Id = 1, Name = "Acme", ApiKeys = [new SeedApiKey { Key = "df_api_key", UserId = 1 }] },
                new SeedOrganization { Id = 2, Name = "Other", ApiKeys = [new SeedApiKey { Key = "df_other_api_key", UserId = 2 }] },
            ],
            DataSources =
            [
                new SeedDataSource { Id = 7, OrganizationId = 1, Name = "Snowflake production", Type = "snowflake" },
                new SeedDataSource { Id = 8, OrganizationId = 2, Name = "BigQuery", Type = "bigquery" },
            ],
            Repositories =
            [
                new SeedRepository { Id = 3, OrganizationId = 1, Name = "acme/analytics", Provider = "github" },
                new SeedRepository { Id = 4, OrganizationId = 2, Name = "other/analytics", Provider = "gitlab" },
            ],
        },
    };

    /// <summary>Reads a seed file (format: see examples/emulator/seed.json); throws with the reason when it is invalid.</summary>
    public static EmulatorSeed Load(string path) => Parse(File.ReadAllText(path), path);

    public static EmulatorSeed Parse(string json, string source = "seed")
    {
        EmulatorSeed? seed;
        try
        {
            seed = JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.EmulatorSeed);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
        if (seed is null)
        {
            throw new InvalidDataException($"{source}: the seed is null.");
        }
        var problems = seed.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source}: {string.Join("; ", problems)}");
        }
        return seed;
    }

    public string ToJson() => JsonSerializer.Serialize(this, EmulatorJsonContext.Default.EmulatorSeed);

    /// <summary>Broken references and duplicate ids, so that a bad seed fails at start and not at the first request.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Unique<T>(string what, IEnumerable<T> items, Func<T, object> key)
        {
            foreach (var group in items.GroupBy(key).Where(g => g.Count() > 1))
            {
                problems.Add($"duplicate {what} {group.Key}");
            }
        }
        var accounts = DbtCloud.Accounts.Select(a => a.Id).ToHashSet();
        var projects = DbtCloud.Projects.ToDictionary(p => p.Id, p => p.AccountId);
        var organizations = Datafold.Organizations.Select(o => o.Id).ToHashSet();
        Unique("account id", DbtCloud.Accounts, a => a.Id);
        Unique("project id", DbtCloud.Projects, p => p.Id);
        Unique("environment id", DbtCloud.Environments, e => e.Id);
        Unique("admin token", DbtCloud.AdminTokens, t => t.Token);
        Unique("organization id", Datafold.Organizations, o => o.Id);
        Unique("api key", Datafold.Organizations.SelectMany(o => o.ApiKeys), k => k.Key);
        Unique("data source id", Datafold.DataSources, d => d.Id);
        Unique("repository id", Datafold.Repositories, r => r.Id);
        problems.AddRange(DbtCloud.Projects.Where(p => !accounts.Contains(p.AccountId))
            .Select(p => $"project {p.Id} names unknown account {p.AccountId}"));
        problems.AddRange(DbtCloud.Environments.Where(e => !projects.ContainsKey(e.ProjectId))
            .Select(e => $"environment {e.Id} names unknown project {e.ProjectId}"));
        problems.AddRange(DbtCloud.Projects.Where(p => p.State is not (1 or 2)).Select(p => $"project {p.Id} has state {p.State} (1 or 2)"));
        problems.AddRange(DbtCloud.Environments.Where(e => e.State is not (1 or 2)).Select(e => $"environment {e.Id} has state {e.State} (1 or 2)"));
        problems.AddRange(DbtCloud.Environments.Where(e => e.Type is not ("deployment" or "development"))
            .Select(e => $"environment {e.Id} has type '{e.Type}' (deployment or development)"));
        problems.AddRange(DbtCloud.AdminTokens.SelectMany(t => t.AccountIds.Where(a => !accounts.Contains(a))
            .Select(a => $"admin token '{t.Name}' names unknown account {a}")));
        problems.AddRange(Datafold.DataSources.Where(d => !organizations.Contains(d.OrganizationId))
            .Select(d => $"data source {d.Id} names unknown organization {d.OrganizationId}"));
        problems.AddRange(Datafold.DataSources.Where(d => !Emulator.Datafold.DataSourceTypes.All.Contains(d.Type))
            .Select(d => $"data source {d.Id} has type '{d.Type}', not one of Datafold's: {string.Join(", ", Emulator.Datafold.DataSourceTypes.All)}"));
        problems.AddRange(Datafold.Repositories.Where(r => !organizations.Contains(r.OrganizationId))
            .Select(r => $"repository {r.Id} names unknown organization {r.OrganizationId}"));
        return problems;
    }
}
