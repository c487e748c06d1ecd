using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.Emulator.Tests;

public sealed partial class SeedAndStartupTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DbtTfProvider.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found");
    }

    private static string ExampleSeed => Path.Combine(RepoRoot(), "examples", "emulator", "seed.json");

    [Fact]
    public void The_example_seed_file_is_the_default_seed()
    {
        var fromFile = EmulatorSeed.Load(ExampleSeed);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(EmulatorSeed.Default().ToJson()), JsonNode.Parse(fromFile.ToJson())));
    }

    [Fact]
    public void The_default_seed_has_the_ids_the_team_contract_names()
    {
        var seed = EmulatorSeed.Default();

        Assert.Equal("Acme", seed.DbtCloud.Accounts.Single(a => a.Id == 1).Name);
        Assert.Contains(seed.DbtCloud.Accounts, a => a.Id == 2);
        Assert.Equal(1, seed.DbtCloud.Projects.Single(p => p.Id == 10).AccountId);
        Assert.Contains(seed.DbtCloud.Projects, p => p.Id == 11);
        var production = seed.DbtCloud.Environments.Single(e => e.Id == 100);
        Assert.Equal(("deployment", "production", 10), (production.Type, production.DeploymentType, production.ProjectId));
        Assert.Equal(("development", 10), seed.DbtCloud.Environments.Single(e => e.Id == 101) is var dev ? (dev.Type, dev.ProjectId) : default);
        Assert.Equal(11, seed.DbtCloud.Environments.Single(e => e.Id == 110).ProjectId);
        Assert.Equal([1, 2], seed.DbtCloud.AdminTokens.Single(t => t.Token == "dbtc_admin_token").AccountIds);
        var organization = seed.Datafold.Organizations.Single(o => o.Id == 1);
        Assert.Contains(organization.ApiKeys, k => k.Key == "df_api_key");
        Assert.Equal(1, seed.Datafold.DataSources.Single(d => d.Id == 7).OrganizationId);
        Assert.Equal(1, seed.Datafold.Repositories.Single(r => r.Id == 3).OrganizationId);
        Assert.Empty(seed.Problems());
    }

    [Theory]
    [InlineData("""{"dbt_cloud": {"accounts": [{"id": 1, "name": "A"}], "projects": [{"id": 5, "account_id": 9, "name": "P"}]}}""", "project 5 names unknown account 9")]
    [InlineData("""{"dbt_cloud": {"accounts": [{"id": 1}]}}""", "name")]
    [InlineData("""{"dbt_cloud": {"accounts": [{"id": 1, "name": "A"}, {"id": 1, "name": "B"}]}}""", "duplicate account id 1")]
    [InlineData("""{"datafold": {"data_sources": [{"id": 1, "organization_id": 3, "name": "x", "type": "y"}]}}""", "data source 1 names unknown organization 3")]
    [InlineData("""{"dbt_cloud": """, "seed")]
    public void A_broken_seed_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => EmulatorSeed.Parse(json));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task The_emulator_starts_from_a_seed_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, """
                {
                  "dbt_cloud": {
                    "accounts": [{"id": 77, "name": "Seventy-seven"}],
                    "admin_tokens": [{"token": "t77", "account_ids": [77]}]
                  }
                }
                """);
            await using var emulator = await EmulatorServer.StartAsync(path);
            using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "t77");

            var accounts = JsonNode.Parse(await http.GetStringAsync("/api/v2/accounts/"))!;

            Assert.Equal("Seventy-seven", (string)accounts["data"]![0]!["name"]!);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_their_own_ports()
    {
        await using var first = await EmulatorServer.StartAsync(EmulatorSeed.Default());
        await using var second = await EmulatorServer.StartAsync(EmulatorSeed.Default());

        Assert.Matches(LoopbackUrl(), first.BaseUrl);
        Assert.NotEqual(first.BaseUrl, second.BaseUrl);
    }

    [Fact]
    public async Task Standalone_it_prints_where_it_listens_first_and_stops_on_SIGTERM()
    {
        var emulatorDll = Path.Combine(AppContext.BaseDirectory, "DbtTfProvider.Emulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { emulatorDll, "--urls", "http://127.0.0.1:0", "--seed", ExampleSeed },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(firstLine ?? "", "^emulator listening on (http://127\\.0\\.0\\.1:[0-9]+)$");
            Assert.True(match.Success, $"first line: {firstLine}");
            using var http = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "dbtc_admin_token");
            var answer = await http.GetAsync("/api/v2/accounts/");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

            Assert.Equal(0, Kill(process.Id, SigTerm));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Standalone_it_refuses_a_broken_seed_file()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, """{"dbt_cloud": {"projects": [{"id": 1, "account_id": 5, "name": "x"}]}}""");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "DbtTfProvider.Emulator.dll"), "--seed", path },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("unknown account 5", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex("^http://127\\.0\\.0\\.1:[0-9]+$")]
    private static partial Regex LoopbackUrl();
}
