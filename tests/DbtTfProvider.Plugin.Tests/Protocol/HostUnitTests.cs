using System.Security.Cryptography.X509Certificates;
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

    public static TheoryData<string> ServerCertificateMakers => ["libcrypto", "dotnet"];

    /// <summary>What Terraform's go-plugin client checks in the handshake line's certificate: ServerName "localhost"
    /// (SAN), usable as its own root (CA, keyCertSign), valid now with room for clock skew; the same from libcrypto
    /// (Linux) as from .NET (macOS, Windows).</summary>
    [Theory]
    [MemberData(nameof(ServerCertificateMakers))]
    public void The_server_certificate_follows_go_plugins_template(string maker)
    {
        byte[] der;
        if (maker == "libcrypto")
        {
            using var identity = OpenSslServerIdentity.Create();
            der = identity.Der;
        }
        else
        {
            using var made = AutoMtls.CreateServerCertificate();
            der = made.RawData;
        }
        using var parsed = X509CertificateLoader.LoadCertificate(der);

        Assert.Equal("localhost", parsed.GetNameInfo(X509NameType.DnsName, forIssuer: false));
        Assert.True(parsed.MatchesHostname("localhost"));
        Assert.Equal(parsed.SubjectName.Name, parsed.IssuerName.Name);
        Assert.Contains("O=HashiCorp", parsed.Subject, StringComparison.Ordinal);
        var constraints = Assert.Single(parsed.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(constraints.CertificateAuthority && constraints.Critical);
        var usage = Assert.Single(parsed.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.KeyCertSign,
            usage.KeyUsages);
        var purposes = Assert.Single(parsed.Extensions.OfType<X509EnhancedKeyUsageExtension>()).EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
            .Select(o => o.Value).Order();
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], purposes);
        Assert.InRange(DateTime.UtcNow - parsed.NotBefore.ToUniversalTime(), TimeSpan.FromSeconds(25), TimeSpan.FromMinutes(5));
        Assert.True(parsed.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddYears(29));
        using var key = parsed.GetECDsaPublicKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
        // Self-signed: the signature over the to-be-signed part verifies with the certificate's own key.
        var certificate = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var toBeSigned = certificate.ReadEncodedValue().ToArray();
        certificate.ReadSequence();
        var signature = certificate.ReadBitString(out _);
        Assert.True(key.VerifyData(toBeSigned, signature, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void A_PLUGIN_CLIENT_CERT_that_is_not_a_certificate_is_refused_by_libcrypto_too()
    {
        Assert.False(OpenSslServerIdentity.IsCertificate("this is no DER certificate"u8.ToArray(), out var problem));
        Assert.NotEmpty(problem);
        using var client = TerraformClientCertificate.Create();
        Assert.True(OpenSslServerIdentity.IsCertificate(client.RawData, out _));
    }
}
