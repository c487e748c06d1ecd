using System.Net;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

/// <summary>Echo mode: error answers repeat the request's secret and fields, as a careless service might.</summary>
public sealed class ErrorEchoTests : EmulatorTestBase
{
    private const string Tokens = "/v3/accounts/1/service-tokens/";

    private async Task Echo(bool enabled)
    {
        var answer = await Admin(HttpMethod.Post, "/echo", new JsonObject { ["enabled"] = enabled });
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
    }

    [Fact]
    public async Task Off_by_default_and_after_a_reset()
    {
        var before = await Dbt(HttpMethod.Get, "/v2/accounts/", token: "dbtc_typo_secret");
        await Echo(true);
        var on = await Admin(HttpMethod.Get, "/echo");
        await Admin(HttpMethod.Post, "/reset");
        var afterReset = await Dbt(HttpMethod.Get, "/v2/accounts/", token: "dbtc_typo_secret");
        var off = await Admin(HttpMethod.Get, "/echo");

        Assert.Equal("Invalid token.", before.UserMessage);
        Assert.True((bool)on.Body!["enabled"]!);
        Assert.Equal("Invalid token.", afterReset.UserMessage);
        Assert.False((bool)off.Body!["enabled"]!);
    }

    [Fact]
    public async Task A_bad_switch_is_a_400()
    {
        var answer = await Admin(HttpMethod.Post, "/echo", new JsonObject { ["enabled"] = "yes" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("enabled", (string)answer.Body!["error"]!);
    }

    [Fact]
    public async Task A_dbt_Cloud_401_echoes_the_token_it_was_sent()
    {
        await Echo(true);

        var answer = await Dbt(HttpMethod.Get, "/v2/accounts/", token: "dbtc_typo_secret");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.StartsWith("Invalid token.", answer.UserMessage);
        Assert.Contains("dbtc_typo_secret", answer.UserMessage);
        Assert.Contains("Token dbtc_typo_secret", (string)answer.Body!["status"]!["developer_message"]!);
    }

    [Fact]
    public async Task A_dbt_Cloud_400_echoes_the_credential_and_each_rejected_value()
    {
        await Echo(true);

        var answer = await Dbt(HttpMethod.Post, Tokens, new JsonObject { ["account_id"] = 1, ["state"] = 1, ["name"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(AdminToken, answer.UserMessage);
        Assert.Contains("\"account_id\":1", answer.UserMessage);
        Assert.EndsWith("(got \"\")", (string)answer.Data["name"]!);
    }

    [Fact]
    public async Task A_Datafold_401_echoes_the_key()
    {
        await Echo(true);

        var answer = await Datafold(HttpMethod.Get, "/api/v1/organization/meta", key: "df_typo_key");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        var detail = (string)answer.Body!["detail"]!;
        Assert.StartsWith("Invalid API key", detail);
        Assert.Contains("df_typo_key", detail);
    }

    [Fact]
    public async Task A_Datafold_422_echoes_the_value_sent_at_each_loc_and_the_key()
    {
        var (_, secret) = await CreateServiceToken(account: 2);
        var job = await CreateJob();
        await Echo(true);

        var answer = await Datafold(HttpMethod.Post, "/api/v1/ci/dbt_cloud/", CiConfigs.DbtCloud(secret, job));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var error = answer.Body!["detail"]!.AsArray().Single(e => e!["loc"]!.ToJsonString() == """["body","dbt_cloud","api_key"]""")!;
        Assert.Equal(secret, (string)error["input"]!);
        Assert.Contains(secret, (string)error["msg"]!);
        Assert.Contains(DatafoldKey, (string)error["msg"]!);
    }

    [Fact]
    public async Task An_injected_fault_echoes_too_and_successes_are_untouched()
    {
        await Echo(true);
        var added = await Admin(HttpMethod.Post, "/faults", JsonNode.Parse("""{"method": "POST", "path_prefix": "/api/v3/", "kind": "status", "status": 400, "count": 1}"""));
        Assert.Equal(HttpStatusCode.Created, added.Status);

        var faulted = await Dbt(HttpMethod.Post, Tokens, new JsonObject { ["account_id"] = 1, ["state"] = 1, ["name"] = "echoed-name" });
        var accounts = await Dbt(HttpMethod.Get, "/v2/accounts/");

        Assert.Equal(HttpStatusCode.BadRequest, faulted.Status);
        Assert.Contains(AdminToken, faulted.UserMessage);
        Assert.Contains("echoed-name", faulted.UserMessage);
        Assert.Equal(HttpStatusCode.OK, accounts.Status);
        Assert.Equal("Success!", accounts.UserMessage);
    }
}
