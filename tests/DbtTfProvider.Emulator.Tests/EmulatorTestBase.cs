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
