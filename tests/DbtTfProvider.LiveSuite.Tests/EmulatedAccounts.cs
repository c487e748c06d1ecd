using System.Text.Json.Nodes;
using DbtTfProvider.Emulator;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.LiveSuite.Tests;

/// <summary>
/// The emulator in the place of the real accounts: the live suite's variables (those a maintainer exports) pointing at
/// it, with the seed's objects as the fixtures (project 10 with production environment 100 and environment 101,
/// Datafold data source 7 and repository 3). What is left is read through the emulator's admin state.
/// </summary>
public sealed class EmulatedAccounts : IAsyncDisposable
{
    private readonly HttpClient _admin = new();

    private EmulatedAccounts(EmulatorServer emulator) => Emulator = emulator;

    public EmulatorServer Emulator { get; }

    public static async Task<EmulatedAccounts> StartAsync() => new(await EmulatorServer.StartAsync(EmulatorSeed.Default()));

    public Dictionary<string, string> Variables(bool tfAcc = true)
    {
        var variables = new Dictionary<string, string>
        {
            ["DBT_CLOUD_ACCOUNT_ID"] = "1",
            ["DBT_CLOUD_TOKEN"] = "dbtc_admin_token",
            ["DBT_CLOUD_HOST_URL"] = Emulator.BaseUrl + "/api",
            ["DATAFOLD_API_KEY"] = "df_api_key",
            ["DATAFOLD_HOST"] = Emulator.BaseUrl,
            ["TF_ACC_DBT_CLOUD_PROJECT_ID"] = "10",
            ["TF_ACC_DBT_CLOUD_PRODUCTION_ENVIRONMENT_ID"] = "100",
            ["TF_ACC_DBT_CLOUD_CI_ENVIRONMENT_ID"] = "101",
            ["TF_ACC_DATAFOLD_DATA_SOURCE_ID"] = "7",
            ["TF_ACC_DATAFOLD_REPOSITORY_ID"] = "3",
            ["DBTTF_PROVIDER_DIR"] = ProviderDirectory,
        };
        if (tfAcc) variables["TF_ACC"] = "1";
        return variables;
    }

    /// <summary>The NativeAOT binaries of `make build` (DBTTF_PROVIDER_DIR, as `make test` sets it, else bin/).</summary>
    public static string ProviderDirectory =>
        Environment.GetEnvironmentVariable("DBTTF_PROVIDER_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(LiveCommand.RepositoryRoot, "bin");

    /// <summary>"kind name" of every object that still exists (tokens and jobs not in state 2; CI configs present).</summary>
    public async Task<List<string>> LiveObjectsAsync()
    {
        var state = JsonNode.Parse(await _admin.GetStringAsync(Emulator.BaseUrl + "/_emulator/state"))!;
        var live = new List<string>();
        void Collect(string kind, JsonNode? list)
        {
            foreach (var item in list!.AsArray())
            {
                if (item!["state"] is { } s && s.GetValue<int>() != 1) continue;
                live.Add($"{kind} {item["name"]}");
            }
        }
        Collect("token", state["dbt_cloud"]!["service_tokens"]);
        Collect("job", state["dbt_cloud"]!["jobs"]);
        Collect("ci_config", state["datafold"]!["ci_configs"]);
        return live;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await Emulator.DisposeAsync();
    }
}
