using System.Text;
using System.Text.Json.Nodes;
using DbtTfProvider.Emulator;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The real provider (the AOT binaries of <c>make build</c>) driven by the real terraform against an in-process
/// emulator: one emulator per test class (<c>IClassFixture&lt;ProviderFixture&gt;</c>), a fresh working directory per
/// workspace. Terraform finds both personas through dev_overrides, so no <c>terraform init</c> is needed.
/// </summary>
public class ProviderFixture : IAsyncLifetime
{
    public const string DbtCloudAddress = "registry.terraform.io/dbt-tf/dbtcloud";
    public const string DatafoldAddress = "registry.terraform.io/dbt-tf/datafold";
    public const string AdminToken = "dbtc_admin_token";
    public const long AccountId = 1;
    public const string DatafoldApiKey = "df_api_key";

    private readonly string _root = Directory.CreateTempSubdirectory("dbttf-e2e-").FullName;
    private EmulatorServer? _emulator;
    private int _workspaces;

    /// <summary>Admin API of the emulator (no auth), e.g. <c>/_emulator/state</c>.</summary>
    public HttpClient Admin { get; } = new();

    public EmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>"http://127.0.0.1:PORT".</summary>
    public string EmulatorUrl => Emulator.BaseUrl;

    /// <summary>The folder holding terraform-provider-dbtcloud and terraform-provider-datafold.</summary>
    public string ProviderDirectory { get; } = FindProviderDirectory();

    /// <summary>The CLI configuration with the dev_overrides of both provider addresses.</summary>
    public string CliConfigPath => Path.Combine(_root, "terraform.rc");

    /// <summary>
    /// Environment for every terraform run: the CLI config, no network checks, and the providers' settings pointing at
    /// the emulator. A test may override any of these per run.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["TF_CLI_CONFIG_FILE"] = CliConfigPath,
        ["CHECKPOINT_DISABLE"] = "1",
        ["TF_IN_AUTOMATION"] = "1",
        ["TF_INPUT"] = "0",
        ["DBT_CLOUD_HOST_URL"] = EmulatorUrl + "/api",
        ["DBT_CLOUD_TOKEN"] = AdminToken,
        ["DBT_CLOUD_ACCOUNT_ID"] = AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DATAFOLD_HOST"] = EmulatorUrl,
        ["DATAFOLD_API_KEY"] = DatafoldApiKey,
    };

    public async Task InitializeAsync()
    {
        foreach (var persona in new[] { "dbtcloud", "datafold" })
        {
            var binary = Path.Combine(ProviderDirectory, "terraform-provider-" + persona);
            if (!File.Exists(binary))
                throw new InvalidOperationException($"{binary} does not exist: run `make build` (or set DBTTF_PROVIDER_DIR to the folder of the built providers).");
        }
        TerraformRunner.WriteDevOverridesConfig(CliConfigPath, new Dictionary<string, string>
        {
            [DbtCloudAddress] = ProviderDirectory,
            [DatafoldAddress] = ProviderDirectory,
        });
        _emulator = await EmulatorServer.StartAsync(Seed());
        Admin.BaseAddress = new Uri(EmulatorUrl + "/_emulator/");
    }

    /// <summary>What the emulator starts with (and returns to on reset).</summary>
    protected virtual EmulatorSeed Seed() => EmulatorSeed.Default();

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        if (_emulator is not null) await _emulator.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A terraform child still closing its files; the temp folder is cleaned up later by the system.
        }
    }

    /// <summary>A new, empty working directory for one configuration (its state file lives there too).</summary>
    public string NewWorkingDirectory(string name)
    {
        var dir = Path.Combine(_root, $"{Interlocked.Increment(ref _workspaces):D2}-{name}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The provider blocks every configuration starts with (settings come from the environment).</summary>
    public static string ProvidersHcl => $$"""
        terraform {
          required_providers {
            dbtcloud = { source = "{{DbtCloudAddress}}" }
            datafold = { source = "{{DatafoldAddress}}" }
          }
        }
        provider "dbtcloud" {}
        provider "datafold" {}

        """;

    // ---- emulator admin API ----

    /// <summary>GET /_emulator/state: every object (deleted ones too, secrets included) and the request counts.</summary>
    public async Task<JsonObject> StateAsync() => (await GetJsonAsync("state")).AsObject();

    /// <summary>Requests served so far per "METHOD path-template", e.g. "GET /api/v3/accounts/{account_id}/service-tokens/{id}/".</summary>
    public async Task<Dictionary<string, int>> RequestCountsAsync()
    {
        var requests = (await StateAsync())["requests"]?.AsObject() ?? [];
        return requests.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>());
    }

    /// <summary>How many more requests matching <paramref name="match"/> (a "METHOD path-template" key) <paramref name="after"/> counts than <paramref name="before"/>.</summary>
    public static int Delta(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after, Func<string, bool> match) =>
        after.Where(kv => match(kv.Key)).Sum(kv => kv.Value - before.GetValueOrDefault(kv.Key));

    /// <summary>Requests that change something (POST, PUT, PATCH, DELETE) to the dbt Cloud or Datafold API.</summary>
    public static bool IsWrite(string requestKey) => !requestKey.StartsWith("GET ", StringComparison.Ordinal);

    /// <summary>
    /// A call to the emulated dbt Cloud API as a user would make it (admin token), e.g. to create an object that a
    /// test then imports; returns the envelope's <c>data</c>.
    /// </summary>
    public async Task<JsonNode?> DbtCloudAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, EmulatorUrl + "/api" + path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", AdminToken);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} /api{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text)?["data"];
    }

    /// <summary>Back to the seed: objects, request counts and fault rules.</summary>
    public Task ResetAsync() => SendAsync(HttpMethod.Post, "reset", new JsonObject());

    /// <summary>Adds a fault rule (see CONTRACTS.md: method, path_prefix, kind, status, retry_after_seconds, latency_ms, count, every).</summary>
    public Task AddFaultAsync(JsonObject rule) => SendAsync(HttpMethod.Post, "faults", rule);

    public Task ClearFaultsAsync() => SendAsync(HttpMethod.Delete, "faults", null);

    /// <summary>The fault rules with how many requests each has seen and hit (to prove a fault really happened).</summary>
    public async Task<List<JsonObject>> FaultsAsync() => (await GetJsonAsync("faults")).AsArray().Select(n => n!.AsObject()).ToList();

    /// <summary>An edit behind Terraform's back, e.g. <c>PatchAsync("dbtcloud/service-tokens/1001", new() { ["name"] = "x" })</c>.</summary>
    public Task PatchAsync(string adminPath, JsonObject patch) => SendAsync(HttpMethod.Patch, adminPath, patch);

    /// <summary>A delete behind Terraform's back, e.g. <c>DeleteAsync("dbtcloud/jobs/3001")</c>.</summary>
    public Task DeleteAsync(string adminPath) => SendAsync(HttpMethod.Delete, adminPath, null);

    /// <summary>dbt Cloud service tokens of the state dump (every state), each with its grants and token_string.</summary>
    public async Task<List<JsonObject>> ServiceTokensAsync() => Objects(await StateAsync(), "dbt_cloud", "service_tokens");

    public async Task<List<JsonObject>> JobsAsync() => Objects(await StateAsync(), "dbt_cloud", "jobs");

    public async Task<List<JsonObject>> CiConfigsAsync() => Objects(await StateAsync(), "datafold", "ci_configs");

    public static List<JsonObject> Objects(JsonObject state, string api, string kind) =>
        (state[api]?[kind]?.AsArray() ?? []).Select(n => n!.AsObject()).ToList();

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET /_emulator/{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Admin.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} /_emulator/{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string FindProviderDirectory()
    {
        var configured = System.Environment.GetEnvironmentVariable("DBTTF_PROVIDER_DIR");
        if (!string.IsNullOrEmpty(configured)) return Path.GetFullPath(configured);
        return Path.Combine(RepositoryPaths.Root, "bin");
    }
}
