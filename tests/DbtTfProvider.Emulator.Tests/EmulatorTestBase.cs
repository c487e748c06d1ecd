using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

/// <summary>A fresh emulator per test (xunit makes one class instance per test), spoken to over real loopback HTTP.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    public const string AdminToken = "dbtc_admin_token";
    public const string DatafoldKey = "df_api_key";

    private EmulatorServer? _server;

    protected EmulatorServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>Does not follow redirects, so that the trailing-slash rule is visible.</summary>
    protected HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public virtual async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync(EmulatorSeed.Default(), CancellationToken.None);
        Http.BaseAddress = new Uri(Server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected Task<Answer> Dbt(HttpMethod method, string path, JsonNode? body = null, string? token = AdminToken, string scheme = "Token") =>
        Send(method, "/api" + path, body, token is null ? null : new AuthenticationHeaderValue(scheme, token));

    protected Task<Answer> Datafold(HttpMethod method, string path, JsonNode? body = null, string? key = DatafoldKey) =>
        Send(method, path, body, key is null ? null : new AuthenticationHeaderValue("Key", key));

    protected Task<Answer> Admin(HttpMethod method, string path, JsonNode? body = null) => Send(method, "/_emulator" + path, body, null);

    protected async Task<JsonObject> StateDump() => (await Admin(HttpMethod.Get, "/state")).Body!.AsObject();

    protected async Task<Answer> Send(HttpMethod method, string path, JsonNode? body, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = auth;
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    /// <summary>A service token of account 1 with grants, as the Datafold side expects the key to be.</summary>
    protected async Task<(int Id, string Secret)> CreateServiceToken(string name = "datafold", string permissionSet = "member", int account = 1)
    {
        var created = await Dbt(HttpMethod.Post, $"/v3/accounts/{account}/service-tokens/", new JsonObject { ["account_id"] = account, ["name"] = name, ["state"] = 1 });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var id = (int)created.Data["id"]!;
        var granted = await Dbt(HttpMethod.Post, $"/v3/accounts/{account}/service-tokens/{id}/permissions/",
            new JsonArray(new JsonObject { ["permission_set"] = permissionSet, ["all_projects"] = true }));
        Assert.Equal(HttpStatusCode.Created, granted.Status);
        return (id, (string)created.Data["token_string"]!);
    }

    protected async Task<int> CreateJob(JsonObject? job = null, int account = 1)
    {
        var created = await Dbt(HttpMethod.Post, $"/v2/accounts/{account}/jobs/", job ?? Jobs.Artifacts());
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return (int)created.Data["id"]!;
    }
}

public sealed record Answer(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)
{
    /// <summary>The dbt Cloud envelope's data.</summary>
    public JsonNode Data => Body!["data"]!;

    public string UserMessage => (string)Body!["status"]!["user_message"]!;

    public override string ToString() => $"{(int)Status} {Body?.ToJsonString()}";
}

/// <summary>Request bodies shaped as the spec shows them.</summary>
public static class Jobs
{
    public static JsonObject Artifacts(int project = 10, int environment = 100, string name = "Datafold artifacts", int account = 1) => new()
    {
        ["id"] = null,
        ["account_id"] = account,
        ["project_id"] = project,
        ["environment_id"] = environment,
        ["name"] = name,
        ["description"] = "",
        ["execute_steps"] = new JsonArray("dbt compile"),
        ["dbt_version"] = null,
        ["settings"] = new JsonObject { ["threads"] = 4, ["target_name"] = "default" },
        ["execution"] = new JsonObject { ["timeout_seconds"] = 0 },
        ["state"] = 1,
        ["generate_docs"] = false,
        ["run_generate_sources"] = false,
        ["triggers"] = new JsonObject { ["github_webhook"] = false, ["git_provider_webhook"] = false, ["schedule"] = true, ["on_merge"] = false },
        ["schedule"] = new JsonObject
        {
            ["cron"] = "0 * * * *",
            ["date"] = new JsonObject { ["type"] = "custom_cron", ["cron"] = "0 * * * *" },
            ["time"] = new JsonObject { ["type"] = "every_hour", ["interval"] = 1 },
        },
        ["deferring_environment_id"] = null,
        ["job_type"] = "scheduled",
        ["triggers_on_draft_pr"] = false,
        ["run_lint"] = false,
        ["errors_on_lint_failure"] = true,
        ["run_compare_changes"] = false,
        ["compare_changes_flags"] = "--select state:modified",
    };
}

/// <summary>Datafold CI config bodies.</summary>
public static class CiConfigs
{
    public static JsonObject DbtCloud(string apiKey, int artifactsJobId, string name = "dbt Cloud CI", int account = 1) => new()
    {
        ["name"] = name,
        ["repo_id"] = 3,
        ["data_source_id"] = 7,
        ["dbt_cloud"] = new JsonObject
        {
            ["account_id"] = account,
            ["api_key"] = apiKey,
            ["artifacts_job_id"] = artifactsJobId,
        },
    };
}
