using System.Text;
using System.Text.Json.Nodes;
using DbtTfProvider.Datafold;
using DbtTfProvider.Datafold.CiConfigContract;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests;

/// <summary>
/// Secrets a service echoes in an error answer never reach the client's exception (and so no diagnostic or log line):
/// the configured credential, every secret a client sent, and those of a redactor shared with the other client.
/// </summary>
public sealed class SecretRedactionTests
{
    private const string AdminToken = "dbtc_admin_Secret+/=1";
    private const string DatafoldKey = "df_key_Secret_2";
    private const string SentToken = "dbtc_sent_Secret_3";

    private static DbtCloudClient DbtCloud(ScriptedTransport transport, SecretRedactor? redactor = null) => DbtCloudClient.Create(new DbtCloudClientOptions
    {
        HostUrl = "https://cloud.test/api",
        AccountId = 1,
        Token = AdminToken,
        MaxRetries = 0,
        Transport = transport,
        Redactor = redactor,
        Resilience = new ResilienceOptions { Delay = (_, _) => Task.CompletedTask },
    });

    private static DatafoldClient Datafold(ScriptedTransport transport, SecretRedactor? redactor = null) => DatafoldClient.Create(new DatafoldClientOptions
    {
        Host = "https://app.datafold.test",
        ApiKey = DatafoldKey,
        MaxRetries = 0,
        Transport = transport,
        Redactor = redactor,
        Resilience = new ResilienceOptions { Delay = (_, _) => Task.CompletedTask },
    });

    private static void AssertClean(Exception error, params string[] secrets)
    {
        var api = Assert.IsAssignableFrom<ServiceApiException>(error);
        var texts = new List<string?> { api.Message, api.Summary, error.ToString() };
        texts.AddRange(api.FieldErrors.Select(f => f.ToString()));
        if (api is DbtCloudApiException dbt) texts.AddRange([dbt.UserMessage, dbt.DeveloperMessage]);
        if (api is DatafoldApiException df) texts.Add(df.Detail);
        foreach (var text in texts.OfType<string>())
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, text);
        Assert.Contains(SecretRedactor.Replacement, api.Message);
    }

    [Fact]
    public async Task A_dbt_Cloud_401_that_echoes_the_token_shows_it_redacted()
    {
        var json = JsonEncodedTextOf(AdminToken);
        var transport = ScriptedTransport.Steps(Answers.Status(401,
            Answers.Envelope(401, "null", $"Invalid token {json}.", $"Authorization: Token {json}")));
        using var client = DbtCloud(transport);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Accounts.CheckCredentialsAsync(1));

        AssertClean(error, AdminToken);
        Assert.Equal("Invalid token (redacted).", ((DbtCloudApiException)error).UserMessage);
    }

    [Fact]
    public async Task A_dbt_Cloud_400_whose_field_reasons_echo_the_token_keeps_the_fields()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(400,
            Answers.Envelope(400, $$"""{"name": ["not valid (token {{JsonEncodedTextOf(AdminToken)}})"]}""", "The request was invalid.")));
        using var client = DbtCloud(transport);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.ServiceTokens.CreateAsync("x"));

        AssertClean(error, AdminToken);
        var field = Assert.Single(((ServiceApiException)error).FieldErrors);
        Assert.Equal("name", field.DottedPath);
        Assert.Equal("not valid (token (redacted))", field.Message);
    }

    [Fact]
    public async Task A_Datafold_422_that_echoes_the_sent_token_and_the_key_shows_neither()
    {
        var transport = ScriptedTransport.Steps(
            Answers.Status(200, "[]"),
            Answers.Status(422, $$"""{"detail": [{"loc": ["body", "dbt_cloud", "api_key"], "msg": "token {{SentToken}} cannot see account 1 (key {{DatafoldKey}})", "type": "value_error", "input": "{{SentToken}}"}]}"""));
        using var client = Datafold(transport);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.CiConfigs.CreateAsync(new DbtCloudCiConfig
        {
            Name = "ci", RepoId = 3, DataSourceId = 7, DbtCloud = new DbtCloudCiSettings { AccountId = 1, ApiKey = SentToken, ArtifactsJobId = 5 },
        }));

        AssertClean(error, SentToken, DatafoldKey);
        Assert.Equal("dbt_cloud.api_key", Assert.Single(((ServiceApiException)error).FieldErrors).DottedPath);
    }

    [Fact]
    public async Task A_Datafold_401_detail_and_a_non_JSON_page_are_cleaned_too()
    {
        var transport = ScriptedTransport.Steps(
            Answers.Status(401, $$"""{"detail": "Invalid API key {{DatafoldKey}}"}"""),
            (_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden)
            {
                Content = new StringContent($"<html>denied for key={Uri.EscapeDataString(DatafoldKey)} and {DatafoldKey}</html>", Encoding.UTF8, "text/html"),
                ReasonPhrase = $"Forbidden {DatafoldKey}",
            }));
        using var client = Datafold(transport);

        var unauthorized = await Assert.ThrowsAnyAsync<Exception>(() => client.CheckCredentialsAsync());
        var forbidden = await Assert.ThrowsAnyAsync<Exception>(() => client.CheckCredentialsAsync());

        AssertClean(unauthorized, DatafoldKey);
        AssertClean(forbidden, DatafoldKey);
    }

    [Fact]
    public async Task A_shared_redactor_cleans_the_other_services_secrets_and_leaves_successes_alone()
    {
        var shared = new SecretRedactor();
        shared.Add(SentToken);
        var read = Answers.Envelope(200, $$"""{"id": 7, "account_id": 1, "name": "{{SentToken}}", "state": 1}""");
        var transport = ScriptedTransport.Steps(
            Answers.Status(200, read),
            Answers.Status(404, Answers.Envelope(404, "null", $"no token {SentToken} here, key {DatafoldKey}")));
        var datafoldSide = Datafold(ScriptedTransport.Steps(Answers.Status(200)), shared);
        using var client = DbtCloud(transport, shared);

        var token = await client.ServiceTokens.GetAsync(7);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.ServiceTokens.GetAsync(7));

        Assert.Equal(SentToken, token.Name);
        AssertClean(error, SentToken, DatafoldKey);
        datafoldSide.Dispose();
    }

    [Theory]
    [InlineData("plain", "error plain!", "error (redacted)!")]
    [InlineData("a+b\"c", "{\"m\": \"a\\u002Bb\\u0022c\"}", "{\"m\": \"(redacted)\"}")]
    [InlineData("a+b\"c", "{\"m\": \"a+b\\\"c\"}", "{\"m\": \"(redacted)\"}")]
    [InlineData("a+b c", "q=a%2Bb%20c&x", "q=(redacted)&x")]
    [InlineData("abc", "abcabc xabc", "(redacted) x(redacted)")]
    public void Text_loses_the_secret_in_every_form_it_takes(string secret, string text, string expected)
    {
        var redactor = new SecretRedactor();
        redactor.Add(secret);

        Assert.Equal(expected, redactor.Redact(text));
    }

    [Fact]
    public void Overlapping_secrets_and_secrets_inside_keys_are_replaced_whole_and_JSON_stays_JSON()
    {
        var redactor = new SecretRedactor();
        redactor.Add("token-long-secret");
        redactor.Add("long");
        var body = Encoding.UTF8.GetBytes("""{"token-long-secret": ["x token-long-secret y", 3, true, null], "n": {"long": 1.50}}""");

        var redacted = JsonNode.Parse(redactor.RedactBody(body))!;

        Assert.Equal("""{"(redacted)":["x (redacted) y",3,true,null],"n":{"(redacted)":1.50}}""", redacted.ToJsonString());
        var untouched = Encoding.UTF8.GetBytes("""{"fine": "nothing secret"}""");
        Assert.Same(untouched, redactor.RedactBody(untouched));
    }

    private static string JsonEncodedTextOf(string text) => System.Text.Json.JsonEncodedText.Encode(text).ToString();
}
