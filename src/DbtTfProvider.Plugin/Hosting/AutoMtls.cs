using System.Diagnostics;
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
        // A thread of its own: tens of milliseconds of blocking work would otherwise hold one of the thread pool's
        // few threads (two on a 2-core machine) just when Kestrel needs them to accept Terraform's connection.
        _serverOptions = new(() => Task.Factory.StartNew(CreateServerOptions, CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    public X509Certificate2 ServerCertificate { get; }

    /// <summary>Whether AutoMTLS is on: PLUGIN_CLIENT_CERT set and TF_DISABLE_PLUGIN_TLS not.</summary>
    public static bool IsEnabled(string? clientCertPem, string? disableTls) =>
        string.IsNullOrEmpty(disableTls) && !string.IsNullOrWhiteSpace(clientCertPem);

    /// <summary>Returns null when AutoMTLS is off.</summary>
    public static AutoMtls? FromEnvironment(string? clientCertPem, string? disableTls)
    {
        if (!IsEnabled(clientCertPem, disableTls)) return null;
        return new AutoMtls(DecodeCertificatePem(clientCertPem!), CreateServerCertificate());
    }

    /// <summary>Starts building the TLS server options in the background; the first TLS handshake awaits them. The
    /// SslStreamCertificateContext inside builds an X509 chain even for a self-signed certificate, which loads the
    /// system trust store (every certificate under /etc/ssl/certs is parsed): the slowest step between process start
    /// and the first RPC, and one that must stay off the path to the handshake line.</summary>
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

    /// <summary>How long building the server's TLS context took (for trace logs).</summary>
    public TimeSpan ServerContextBuildTime { get; private set; }

    private SslServerAuthenticationOptions CreateServerOptions()
    {
        var started = Stopwatch.GetTimestamp();
        var client = X509CertificateLoader.LoadCertificate(_expectedClientDer);
        var context = SslStreamCertificateContext.Create(ServerCertificate, additionalCertificates: null, offline: true);
        ServerContextBuildTime = Stopwatch.GetElapsedTime(started);
        return new SslServerAuthenticationOptions
        {
            ServerCertificateContext = context,
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
