using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>Client certificates made the way Terraform's go-plugin client makes its AutoMTLS certificate:
/// ECDSA P-521 / SHA-512, O=HashiCorp CN=localhost, SAN localhost, CA, clientAuth+serverAuth, from 30 s ago.</summary>
internal static class TerraformClientCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var request = new CertificateRequest("CN=localhost, O=HashiCorp", key, HashAlgorithmName.SHA512);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement |
            X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.2"), new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddSeconds(-30), now.AddHours(262980));
        // A PKCS#12 round trip gives the TLS client a persisted key it can sign with.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
