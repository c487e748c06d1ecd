using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// go-plugin's AutoMTLS, server side: a one-off server certificate per process, and a client certificate that must
/// be byte-for-byte the one Terraform put in PLUGIN_CLIENT_CERT. Nothing else is trusted.
/// </summary>
internal sealed class AutoMtls
{
    private readonly byte[] _expectedClientDer;
    private readonly Lazy<Task<SslServerAuthenticationOptions>> _serverOptions;

    private AutoMtls(byte[] expectedClientDer, X509Certificate2 serverCertificate)
    {
        _expectedClientDer = expectedClientDer;
        ServerCertificate = serverCertificate;
        _serverOptions = new(() => Task.Run(CreateServerOptions));
    }

    public X509Certificate2 ServerCertificate { get; }

    /// <summary>Returns null when AutoMTLS is off: no PLUGIN_CLIENT_CERT, or TF_DISABLE_PLUGIN_TLS set.</summary>
    public static AutoMtls? FromEnvironment(string? clientCertPem, string? disableTls)
    {
        if (!string.IsNullOrEmpty(disableTls) || string.IsNullOrWhiteSpace(clientCertPem)) return null;
        return new AutoMtls(DecodeCertificatePem(clientCertPem), CreateServerCertificate());
    }

    /// <summary>SslStreamCertificateContext.Create builds an X509 chain, which loads the system trust store: tens of
    /// milliseconds of CPU that must stay off the path to the handshake line. This starts it on the thread pool;
    /// the first TLS handshake awaits it.</summary>
    public void PrepareServerOptions() => _ = _serverOptions.Value;

    public ValueTask<SslServerAuthenticationOptions> GetServerOptionsAsync() => new(_serverOptions.Value);

    /// <summary>go-plugin's template: CN=localhost with SAN DNS:localhost (the client verifies ServerName
    /// "localhost"), serverAuth and clientAuth, CA so the client can use the leaf as its own root, valid from
    /// 30 s ago (clock skew) for about 30 years like go-plugin. P-256 keeps key generation cheap.</summary>
    internal static X509Certificate2 CreateServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=HashiCorp", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement |
            X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1", null), new Oid("1.3.6.1.5.5.7.3.2", null) }, critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(
            certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddSeconds(-30), now.AddHours(262980));
    }

    /// <summary>PLUGIN_CLIENT_CERT is a PEM certificate; returns its DER bytes.</summary>
    internal static byte[] DecodeCertificatePem(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || !pem.AsSpan()[fields.Label].SequenceEqual("CERTIFICATE"))
        {
            throw new InvalidOperationException("PLUGIN_CLIENT_CERT does not hold a PEM \"CERTIFICATE\" block.");
        }
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }

    internal bool IsExpectedClient(X509Certificate? presented) =>
        presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(_expectedClientDer);

    private SslServerAuthenticationOptions CreateServerOptions()
    {
        var client = X509CertificateLoader.LoadCertificate(_expectedClientDer);
        return new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(ServerCertificate, additionalCertificates: null, offline: true),
            ClientCertificateRequired = true,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            // The only trusted root is Terraform's own one-off certificate, so building the client's chain never
            // touches the system store; the decision itself is the byte comparison in the callback.
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { client },
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
                VerificationFlags = X509VerificationFlags.AllFlags,
            },
            RemoteCertificateValidationCallback = (_, certificate, _, _) => IsExpectedClient(certificate),
        };
    }
}
