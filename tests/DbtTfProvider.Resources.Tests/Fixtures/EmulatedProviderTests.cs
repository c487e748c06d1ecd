using System.Text;
using System.Text.Json.Nodes;
using DbtTfProvider.Emulator;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Resources.Tests.Fixtures;

/// <summary>
/// A fresh emulator per test (xunit makes one instance per test) over real loopback HTTP, both personas of the provider
/// configured against it, and the emulator's admin API: what the service holds (the request a plan produced, as the
/// service stored it) and edits made as a user would make them in the UI (drift).
/// </summary>
public abstract class EmulatedProviderTests : IAsyncLifetime
{
    public const string DbtCloudToken = "dbtc_admin_token";
    public const string DatafoldApiKey = "df_api_key";

    private readonly RecordingLoggerProvider _logs = new();
    private ILoggerFactory? _loggers;
    private HttpClient? _admin;

    protected EmulatorServer Emulator { get; private set; } = null!;

    /// <summary><c>dbt-tf/dbtcloud</c>: account 1 of the seed, with its admin token.</summary>
    protected Persona DbtCloud { get; private set; } = null!;

    /// <summary><c>dbt-tf/datafold</c>: organisation 1 of the seed, with its API key.</summary>
    protected Persona Datafold { get; private set; } = null!;

    /// <summary>Every line the provider logged (both personas), at every level.</summary>
    protected IReadOnlyCollection<string> Logs => _logs.Lines;

    public virtual async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync(EmulatorSeed.Default());
        _admin = new HttpClient { BaseAddress = new Uri(Emulator.BaseUrl) };
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        DbtCloud = await Persona.ConfigureAsync("terraform-provider-dbtcloud", _loggers,
            ("account_id", Num(1)), ("token", Str(DbtCloudToken)), ("host_url", Str(Emulator.BaseUrl + "/api")));
        Datafold = await Persona.ConfigureAsync("terraform-provider-datafold", _loggers,
            ("api_key", Str(DatafoldApiKey)), ("host", Str(Emulator.BaseUrl)));
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        _loggers?.Dispose();
        await Emulator.DisposeAsync();
    }

    protected static CtyValue Str(string value) => CtyValue.String(value);
    protected static CtyValue Num(long value) => CtyValue.Number(value);
    protected static CtyValue Bool(bool value) => CtyValue.Bool(value);
    protected static CtyValue Strings(params string[] values) => CtyValue.List(CtyType.String, values.Select(CtyValue.String));
    protected static CtyValue StringSet(params string[] values) => CtyValue.Set(CtyType.String, values.Select(CtyValue.String));

    protected static CtyValue Attr(StateOutcome outcome, string name) => outcome.State.GetAttribute(name);
    protected static string StrOf(StateOutcome outcome, string name) => Attr(outcome, name).AsString();
    protected static long NumOf(StateOutcome outcome, string name) => Attr(outcome, name).AsNumber().ToInt64();
    protected static bool BoolOf(StateOutcome outcome, string name) => Attr(outcome, name).AsBool();
    protected static string[] StringsOf(StateOutcome outcome, string name) => [.. Attr(outcome, name).Elements.Select(e => e.AsString())];

    /// <summary>The attributes whose values differ between two states: what a plan after a refresh would show.</summary>
    protected static string[] Changed(StateOutcome before, StateOutcome after) =>
        [.. before.State.Type is CtyObjectType type
            ? type.Attributes.Keys.Where(name => !before.State.GetAttribute(name).Equals(after.State.GetAttribute(name))).Order(StringComparer.Ordinal)
            : throw new InvalidOperationException("a state is an object")];

    /// <summary>The emulator's whole state (secrets and deleted objects included).</summary>
    protected async Task<JsonObject> StateAsync() => JsonNode.Parse(await _admin!.GetStringAsync("/_emulator/state"))!.AsObject();

    /// <summary>One stored object of a collection (<c>dbt_cloud.jobs</c>, <c>datafold.ci_configs</c>, ...), by id.</summary>
    protected async Task<JsonObject> StoredAsync(string service, string collection, string id) =>
        (await StateAsync())[service]![collection]!.AsArray().Single(o => o!["id"]!.ToString() == id)!.AsObject();

    protected Task<JsonObject> StoredJobAsync(StateOutcome job) => StoredAsync("dbt_cloud", "jobs", StrOf(job, "id"));

    /// <summary>An edit made in the service's UI (no validation), through the emulator's admin API.</summary>
    protected Task EditAsync(string path, string json) => AdminAsync(HttpMethod.Patch, path, json);

    protected async Task AdminAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "/_emulator" + path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _admin!.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Fails naming where <paramref name="secret"/> appeared: in a diagnostic of either persona, or in a log line.</summary>
    protected void AssertNowhere(string secret)
    {
        Assert.DoesNotContain(DbtCloud.Diagnostics.Concat(Datafold.Diagnostics), d => d.Summary.Contains(secret, StringComparison.Ordinal) || d.Detail.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Logs, line => line.Contains(secret, StringComparison.Ordinal));
    }
}
