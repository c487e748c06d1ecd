using DbtTfProvider.Plugin.Hosting;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Plugin.Tests.Protocol;

public sealed class HostUnitTests
{
    [Theory]
    [InlineData(null, null, LogLevel.Information)]
    [InlineData(null, "TRACE", LogLevel.Trace)]
    [InlineData(null, "debug", LogLevel.Debug)]
    [InlineData(null, "JSON", LogLevel.Trace)]
    [InlineData(null, "1", LogLevel.Trace)]
    [InlineData(null, "OFF", LogLevel.None)]
    [InlineData("ERROR", "TRACE", LogLevel.Error)]
    [InlineData("warn", null, LogLevel.Warning)]
    [InlineData("", "INFO", LogLevel.Information)]
    public void Log_level_comes_from_TF_LOG_PROVIDER_then_TF_LOG(string? provider, string? tfLog, LogLevel expected) =>
        Assert.Equal(expected, HclogLoggerProvider.ParseLevel(provider, tfLog));

    [Theory]
    [InlineData("5,6", true)]
    [InlineData("6,5", true)]
    [InlineData(" 5 , 6 ", true)]
    [InlineData("5", false)]
    [InlineData("4,5,7", false)]
    [InlineData(null, true)]
    public void Protocol_6_is_picked_from_the_offered_versions(string? offered, bool accepted)
    {
        Assert.Equal(accepted, Handshake.TryNegotiateVersion(offered, out var version, out var error));
        if (accepted) Assert.Equal(6, version);
        else Assert.Contains(offered!, error);
    }

    [Fact]
    public void Handshake_line_strips_base64_padding()
    {
        // 4 bytes encode to 8 characters with two '=' of padding.
        Assert.Equal("1|6|unix|/tmp/plugin1|grpc|AQIDBA", Handshake.FormatLine("unix", "/tmp/plugin1", [1, 2, 3, 4]));
        Assert.Equal("1|6|tcp|127.0.0.1:10000|grpc|AQIDBA", Handshake.FormatLine("tcp", "127.0.0.1:10000", [1, 2, 3, 4]));
        Assert.Equal("1|6|unix|/tmp/plugin1|grpc|", Handshake.FormatLine("unix", "/tmp/plugin1", null));
    }

    [Theory]
    [InlineData("100m", 1000000)]
    [InlineData("5S", 50000000)]
    [InlineData("2M", 1200000000)]
    [InlineData("1H", 36000000000)]
    [InlineData("300u", 3000)]
    [InlineData("500n", 5)]
    public void Grpc_timeout_header_is_parsed(string header, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), GrpcDispatcher.ParseTimeout(header));

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10x")]
    [InlineData("-1S")]
    public void Malformed_grpc_timeout_means_no_deadline(string header) => Assert.Null(GrpcDispatcher.ParseTimeout(header));

    [Fact]
    public void Grpc_message_is_percent_encoded_UTF8() =>
        Assert.Equal("50%25 done: caf%C3%A9%0Anext", GrpcDispatcher.PercentEncode("50% done: café\nnext"));

    [Fact]
    public void PLUGIN_CLIENT_CERT_PEM_decodes_to_the_certificate_DER()
    {
        using var client = TerraformClientCertificate.Create();
        Assert.Equal(client.RawData, AutoMtls.DecodeCertificatePem(client.ExportCertificatePem()));
        Assert.Throws<InvalidOperationException>(() => AutoMtls.DecodeCertificatePem("not a pem"));
    }
}
