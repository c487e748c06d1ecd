using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DbtTfProvider.Datafold;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Emulator;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests.Emulator;

/// <summary>A fresh emulator per test over real loopback HTTP, its admin API, and clients pointed at it.</summary>
public abstract class EmulatorHarness : IAsyncLifetime
{
    private readonly List<IDisposable> _owned = [];
    private HttpClient? _admin;

    protected EmulatorServer Emulator { get; private set; } = null!;

    /// <summary>Every wait between attempts the clients made (really waited: Retry-After from the emulator is honoured).</summary>
    protected List<TimeSpan> Waits { get; } = [];

    protected virtual EmulatorSeed Seed() => EmulatorSeed.Default();

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync(Seed());
        _admin = new HttpClient { BaseAddress = new Uri(Emulator.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        _admin?.Dispose();
        await Emulator.DisposeAsync();
    }

    private ResilienceOptions Resilience() => new()
    {
        MaxRetries = 4,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(20),
        Delay = (delay, token) =>
        {
            lock (Waits)
                Waits.Add(delay);
            return Task.Delay(delay, token);
        },
    };

    protected DbtCloudClient DbtCloud(string token = "dbtc_admin_token", long accountId = 1)
    {
        var client = DbtCloudClient.Create(new DbtCloudClientOptions
        {
            HostUrl = Emulator.BaseUrl + "/api/",
            AccountId = accountId,
            Token = token,
            Resilience = Resilience(),
        });
        _owned.Add(client);
        return client;
    }

    protected DatafoldClient Datafold(string apiKey = "df_api_key")
    {
        var client = DatafoldClient.Create(new DatafoldClientOptions { Host = Emulator.BaseUrl, ApiKey = apiKey, Resilience = Resilience() });
        _owned.Add(client);
        return client;
    }

    protected async Task<JsonObject> StateAsync() =>
        (await _admin!.GetFromJsonAsync<JsonNode>("/_emulator/state", EmulatorAdminJson.Default.JsonNode))!.AsObject();

    protected async Task<JsonArray> DbtCloudStateAsync(string collection) => (await StateAsync())["dbt_cloud"]![collection]!.AsArray();

    protected async Task<JsonArray> DatafoldStateAsync(string collection) => (await StateAsync())["datafold"]![collection]!.AsArray();

    protected Task AddFaultAsync(string ruleJson) => SendAdminAsync(HttpMethod.Post, "/_emulator/faults", ruleJson);

    protected Task PatchJobAsync(long id, string json) => SendAdminAsync(HttpMethod.Patch, $"/_emulator/dbtcloud/jobs/{id}", json);

    private async Task SendAdminAsync(HttpMethod method, string path, string json)
    {
        using var response = await _admin!.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    protected static DbtJob ArtifactsJob(string name = "Datafold artifacts", long projectId = 10, long environmentId = 100) => new()
    {
        ProjectId = projectId,
        EnvironmentId = environmentId,
        Name = name,
        ExecuteSteps = ["dbt compile"],
        Triggers = new JobTriggers { Schedule = true },
        Schedule = JobSchedule.CustomCron("0 * * * *"),
    };

    protected static IEnumerable<JsonNode> Active(JsonArray objects, string name) =>
        objects.Where(o => (string?)o!["name"] == name && (int)o!["state"]! == DbtObjectState.Active)!;
}
