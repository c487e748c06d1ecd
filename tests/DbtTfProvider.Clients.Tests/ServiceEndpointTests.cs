using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests;

/// <summary>Host settings: credentials in the URL are refused first and never quoted; plain http only for loopback.</summary>
public sealed class ServiceEndpointTests
{
    [Theory]
    [InlineData("https://user:pa55word@cloud.getdbt.com/api")]
    [InlineData("http://user:pa55word@example.com")]
    [InlineData("ftp://user:pa55word@example.com/?q#f")]
    [InlineData("user:pa55word@example.com/api")]
    [InlineData("  https://pa55word@[::1]:8080/ ")]
    [InlineData("https://user:pa55word@bad host/api")]
    public void User_info_is_refused_before_anything_else_without_the_value(string url)
    {
        var error = Assert.Throws<ClientOptionsException>(() => ServiceEndpoint.Normalize(url, "host_url"));

        Assert.Equal("host_url", error.OptionName);
        Assert.StartsWith("host_url must not carry credentials", error.Message);
        Assert.DoesNotContain("pa55word", error.Message);
    }

    [Theory]
    [InlineData("http://example.com", "plain http://")]
    [InlineData("https://example.com/?a=1", "query or fragment")]
    [InlineData("example.com", "not an absolute https:// URL")]
    [InlineData("", "must not be empty")]
    public void Other_problems_name_the_setting(string url, string problem)
    {
        Assert.Contains(problem, ServiceEndpoint.Problem(url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost/api/", "http://localhost/api")]
    [InlineData("http://[::1]:9/", "http://[::1]:9/")]
    [InlineData("https://emea.dbt.com/api/", "https://emea.dbt.com/api")]
    public void Https_and_loopback_http_are_accepted(string url, string normalized)
    {
        Assert.Null(ServiceEndpoint.Problem(url));
        Assert.Equal(normalized, ServiceEndpoint.Normalize(url, "host").ToString());
    }
}
