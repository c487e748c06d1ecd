using DbtTfProvider.Datafold;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests;

/// <summary>
/// Host settings as people write them: each accepted form normalised to the one the client needs, anything else
/// refused with the exact value to write instead; credentials in the URL refused first and never quoted; plain http
/// only for loopback.
/// </summary>
public sealed class ServiceEndpointTests
{
    [Theory]
    [InlineData("https://user:pa55word@cloud.getdbt.com/api")]
    [InlineData("http://user:pa55word@example.com")]
    [InlineData("ftp://user:pa55word@example.com/?q#f")]
    [InlineData("user:pa55word@example.com/api")]
    [InlineData("  https://pa55word@[::1]:8080/ ")]
    [InlineData("https://user:pa55word@bad host/api")]
    [InlineData("https://user:pa/pa55word@emea.dbt.com/api")]
    [InlineData("https://user:pa?pa55word@emea.dbt.com/api")]
    [InlineData("https://user:pa#pa55word@emea.dbt.com/api")]
    public void User_info_is_refused_before_anything_else_without_the_value(string url)
    {
        var error = Assert.Throws<ClientOptionsException>(() => DbtCloudClient.Create(new DbtCloudClientOptions { HostUrl = url, AccountId = 1, Token = "t" }));
        Assert.Equal("host_url", error.OptionName);
        Assert.StartsWith("host_url must not carry credentials", error.Message);
        Assert.DoesNotContain("pa55word", error.Message);

        var datafold = DatafoldHost.Problem(url);
        Assert.StartsWith("must not carry credentials", datafold);
        Assert.DoesNotContain("pa55word", datafold);
    }

    // Issue 17 item 10 changed this: a query or fragment was refused quoting the value; a query may hold a key.
    [Theory]
    [InlineData("https://emea.dbt.com/api?api_key=pa55word", "a query")]
    [InlineData("https://emea.dbt.com/api/#pa55word", "a fragment")]
    [InlineData("emea.dbt.com?pa55word", "a query")]
    public void A_query_or_fragment_is_refused_without_the_value(string url, string part)
    {
        var error = Assert.Throws<ClientOptionsException>(() => DbtCloudClient.Create(new DbtCloudClientOptions { HostUrl = url, AccountId = 1, Token = "t" }));
        Assert.StartsWith($"host_url must not carry {part}", error.Message);
        Assert.DoesNotContain("pa55word", error.Message);
        Assert.DoesNotContain("pa55word", DatafoldHost.Problem(url));
        Assert.DoesNotContain("pa55word", DbtCloudHostUrl.AccessUrlProblem(url));
    }

    [Theory]
    [InlineData("https://emea.dbt.com", "https://emea.dbt.com/api")]
    [InlineData("https://emea.dbt.com/", "https://emea.dbt.com/api")]
    [InlineData("https://emea.dbt.com/api", "https://emea.dbt.com/api")]
    [InlineData("https://emea.dbt.com/api/", "https://emea.dbt.com/api")]
    [InlineData("https://emea.dbt.com/api/v2", "https://emea.dbt.com/api")]
    [InlineData("https://emea.dbt.com/api/v3/", "https://emea.dbt.com/api")]
    [InlineData(" https://AB123.us1.dbt.com/API/V2// ", "https://ab123.us1.dbt.com/api")]
    [InlineData("http://127.0.0.1:8080/api", "http://127.0.0.1:8080/api")]
    [InlineData("http://localhost:8080", "http://localhost:8080/api")]
    [InlineData("http://[::1]:5000/api/v2/", "http://[::1]:5000/api")]
    public void Every_dbt_cloud_form_becomes_the_api_base_and_the_access_url(string written, string apiBase)
    {
        Assert.Equal(apiBase, DbtCloudHostUrl.ApiUrl(written).Text);
        Assert.Equal(apiBase[..^"/api".Length], DbtCloudHostUrl.AccessUrl(written).Text);
        Assert.True(DbtCloudHostUrl.SameAddress(written, apiBase));
    }

    [Theory]
    [InlineData("https://emea.dbt.com/deploy/1/projects", "https://emea.dbt.com/api", "has the path \"/deploy/1/projects\"")]
    [InlineData("https://emea.dbt.com/api/v2/accounts/", "https://emea.dbt.com/api", "has the path")]
    [InlineData("emea.dbt.com", "https://emea.dbt.com/api", "has no https:// in front")]
    [InlineData("http://emea.dbt.com/api", "https://emea.dbt.com/api", "uses plain http://")]
    [InlineData("http://10.0.0.5/api/v2", "https://10.0.0.5/api", "uses plain http://")]
    [InlineData("ftp://cloud.test/api", "https://cloud.test/api", "is not an https:// URL")]
    [InlineData("http://emea.dbt.com/v2", "https://emea.dbt.com/api", "uses plain http://, which would send the credential unencrypted (plain http is accepted only for loopback hosts: 127.0.0.0/8, ::1, localhost), and has the path \"/v2\"")]
    public void Other_dbt_cloud_values_are_refused_with_the_value_to_write(string written, string corrected, string problem)
    {
        var refused = DbtCloudHostUrl.ApiUrl(written);
        Assert.Null(refused.Url);
        Assert.Contains(problem, refused.Problem);
        Assert.EndsWith($"; use \"{corrected}\"", refused.Problem);
        Assert.StartsWith($"\"{written}\"", refused.Problem);
        Assert.EndsWith($"; use \"{corrected[..^"/api".Length]}\"", DbtCloudHostUrl.AccessUrl(written).Problem);
    }

    [Theory]
    [InlineData("eu.datafold.com", "https://eu.datafold.com")]
    [InlineData("https://eu.datafold.com", "https://eu.datafold.com")]
    [InlineData("https://eu.datafold.com/", "https://eu.datafold.com")]
    [InlineData("https://eu.datafold.com/api", "https://eu.datafold.com")]
    [InlineData("https://eu.datafold.com/api/", "https://eu.datafold.com")]
    [InlineData("http://127.0.0.1:9000/api", "http://127.0.0.1:9000")]
    public void Every_datafold_form_becomes_the_application_root(string written, string normal)
    {
        Assert.Equal(normal, DatafoldHost.Check(written).Text);
        using var client = DatafoldClient.Create(new DatafoldClientOptions { Host = written, ApiKey = "k" });
        Assert.Equal(normal, client.Host.AbsoluteUri.TrimEnd('/'));
    }

    [Theory]
    [InlineData("https://eu.datafold.com/api/v1", "https://eu.datafold.com")]
    [InlineData("https://app.datafold.com/settings/integrations", "https://app.datafold.com")]
    [InlineData("http://eu.datafold.com", "https://eu.datafold.com")]
    public void Other_datafold_values_are_refused_with_the_value_to_write(string written, string corrected)
    {
        Assert.EndsWith($"; use \"{corrected}\"", DatafoldHost.Problem(written));
        var error = Assert.Throws<ClientOptionsException>(() => DatafoldClient.Create(new DatafoldClientOptions { Host = written, ApiKey = "k" }));
        Assert.Equal("host", error.OptionName);
        Assert.StartsWith($"host \"{written}\"", error.Message);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("https://", "is not an absolute https:// URL")]
    [InlineData("https://bad host/api", "is not an absolute https:// URL")]
    public void Values_with_no_host_say_what_is_accepted(string written, string problem)
    {
        Assert.Contains(problem, DbtCloudHostUrl.ApiUrl(written).Problem);
        Assert.Contains(problem, DatafoldHost.Problem(written));
    }
}
