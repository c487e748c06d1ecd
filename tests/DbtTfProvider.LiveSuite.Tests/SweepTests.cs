using DbtTfProvider.Datafold;
using DbtTfProvider.Datafold.CiConfigContract;
using DbtTfProvider.DbtCloud;

namespace DbtTfProvider.LiveSuite.Tests;

/// <summary>
/// `make sweep` against the emulator: leftovers of killed runs (names starting "tf-acc-") planted beside the account's
/// own objects; listing deletes nothing, an age filter keeps recent ones, and --yes deletes exactly the prefixed ones.
/// </summary>
public sealed class SweepTests
{
    private static readonly string[] Leftovers = ["tf-acc-20260101-abc123-datafold", "tf-acc-20260101-abc123-artifacts", "tf-acc-20260101-abc123-ci"];
    private static readonly string[] Theirs = ["Datafold CI", "Datafold artifacts", "dbt Cloud CI", "nightly tf-acc-20260101-abc123-copy"];

    [Fact]
    public async Task Sweep_lists_without_yes_and_deletes_only_prefixed_objects_with_it()
    {
        await using var accounts = await EmulatedAccounts.StartAsync();
        await PlantAsync(accounts, Theirs[0], Theirs[1], Theirs[2]);
        await PlantAsync(accounts, Leftovers[0], Leftovers[1], Leftovers[2]);
        await PlantJobAsync(accounts, Theirs[3]);
        var before = await accounts.LiveObjectsAsync();
        Assert.Equal(7, before.Count);

        var listed = await LiveCommand.MakeAsync("sweep", WithAge(accounts, "0"), TimeSpan.FromMinutes(3));
        Assert.True(listed.ExitCode == 0, listed.Stdout + listed.Stderr);
        foreach (var name in Leftovers) Assert.Contains($"would delete: ", Line(listed.Stdout, name));
        foreach (var name in Theirs) Assert.DoesNotContain(name + "\"", listed.Stdout);
        Assert.Equal(before, await accounts.LiveObjectsAsync());

        var tooRecent = await LiveCommand.MakeAsync("sweep", WithAge(accounts, "2h", "--yes"), TimeSpan.FromMinutes(3));
        Assert.True(tooRecent.ExitCode == 0, tooRecent.Stdout + tooRecent.Stderr);
        Assert.Contains("3 object(s) named \"tf-acc-*\", 0 older than", tooRecent.Stdout);
        Assert.Equal(before, await accounts.LiveObjectsAsync());

        var swept = await LiveCommand.MakeAsync("sweep", WithAge(accounts, "0", "--yes"), TimeSpan.FromMinutes(3));
        Assert.True(swept.ExitCode == 0, swept.Stdout + swept.Stderr);
        foreach (var name in Leftovers) Assert.Contains("deleted: ", Line(swept.Stdout, name));
        var after = await accounts.LiveObjectsAsync();
        Assert.Equal(
            new[] { "ci_config dbt Cloud CI", "job Datafold artifacts", "job nightly tf-acc-20260101-abc123-copy", "token Datafold CI" },
            after.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> WithAge(EmulatedAccounts accounts, string age, string args = "")
    {
        var variables = accounts.Variables();
        variables["AGE"] = age;
        variables["SWEEP_ARGS"] = args;
        return variables;
    }

    private static string Line(string output, string name) =>
        output.Split('\n').SingleOrDefault(line => line.Contains($"\"{name}\"")) ?? $"(no line names {name})";

    /// <summary>A token, a job and a Datafold CI config that uses both, as a run (or a person) would have made them.</summary>
    private static async Task PlantAsync(EmulatedAccounts accounts, string tokenName, string jobName, string configName)
    {
        using var dbtCloud = DbtCloud(accounts);
        using var datafold = DatafoldClient.Create(new DatafoldClientOptions { Host = accounts.Emulator.BaseUrl, ApiKey = "df_api_key" });
        var token = await dbtCloud.ServiceTokens.CreateAsync(tokenName);
        await dbtCloud.ServiceTokens.AssignGrantsAsync(token.Id, [new ServiceTokenGrantSpec("member", true, null, [])]);
        var job = await PlantJobAsync(accounts, jobName);
        await datafold.CiConfigs.CreateAsync(new DbtCloudCiConfig
        {
            Name = configName, RepoId = 3, DataSourceId = 7,
            DbtCloud = new DbtCloudCiSettings { AccountId = 1, ApiKey = token.TokenString, ArtifactsJobId = job.Id ?? 0, HostUrl = accounts.Emulator.BaseUrl },
        });
    }

    private static async Task<DbtJob> PlantJobAsync(EmulatedAccounts accounts, string name)
    {
        using var dbtCloud = DbtCloud(accounts);
        return await dbtCloud.Jobs.CreateAsync(new DbtJob { Name = name, ProjectId = 10, EnvironmentId = 100, ExecuteSteps = ["dbt compile"] });
    }

    private static DbtCloudClient DbtCloud(EmulatedAccounts accounts) =>
        DbtCloudClient.Create(new DbtCloudClientOptions { HostUrl = accounts.Emulator.BaseUrl + "/api", AccountId = 1, Token = "dbtc_admin_token" });
}
