using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// go-plugin's AutoMTLS, server side: a one-off server certificate per process, and a client certificate that must
/// be byte-for-byte the one Terraform put in PLUGIN_CLIENT_CERT. Nothing else is trusted, so on Linux nothing on this
/// path reads the system trust store (see <see cref="OpenSslServerContext"/>; elsewhere <see cref="SslStreamServerContext"/>).
/// Where libssl serves the handshake, the certificate is made by libcrypto too (<see cref="OpenSslServerIdentity"/>), so
/// the launch never starts .NET's own cryptography.
/// </summary>
internal sealed class AutoMtls
{
    private readonly Lazy<X509Certificate2> _expectedClient;
    private readonly Func<IServerTlsContext> _createServerContext;
    private readonly Lazy<Task<IServerTlsContext>> _serverContext;

    private AutoMtls(byte[] expectedClientDer, byte[] serverCertificateDer, Func<IServerTlsContext> createServerContext,
        Lazy<X509Certificate2> expectedClient)
    {
        ExpectedClientDer = expectedClientDer;
        ServerCertificateDer = serverCertificateDer;
        _createServerContext = createServerContext;
        _expectedClient = expectedClient;
        // A thread of its own: a few milliseconds of blocking work would otherwise hold one of the thread pool's
        // few threads (two on a 2-core machine) just when Kestrel needs them to accept Terraform's connection.
        _serverContext = new(() => Task.Factory.StartNew(CreateServerContext, CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    /// <summary>Terraform's certificate from PLUGIN_CLIENT_CERT, as DER.</summary>
    public byte[] ExpectedClientDer { get; }

    /// <summary>Terraform's certificate as .NET sees it, parsed on first use (only the connection's TLS feature asks).</summary>
    public X509Certificate2 ExpectedClient => _expectedClient.Value;

    /// <summary>The server certificate's DER encoding, for the handshake line.</summary>
    public byte[] ServerCertificateDer { get; }

    /// <summary>Whether AutoMTLS is on: PLUGIN_CLIENT_CERT set and TF_DISABLE_PLUGIN_TLS not.</summary>
    public static bool IsEnabled(string? clientCertPem, string? disableTls) =>
        string.IsNullOrEmpty(disableTls) && !string.IsNullOrWhiteSpace(clientCertPem);

    /// <summary>Returns null when AutoMTLS is off. Throws <see cref="ClientCertificateException"/> when
    /// PLUGIN_CLIENT_CERT is not a certificate: checked in full here, before the handshake line, because a certificate
    /// that cannot be parsed would otherwise only show as every connection being refused.</summary>
    public static AutoMtls? FromEnvironment(string? clientCertPem, string? disableTls)
    {
        if (!IsEnabled(clientCertPem, disableTls)) return null;
        byte[] clientDer;
        try
        {
            clientDer = DecodeCertificatePem(clientCertPem!);
        }
        catch (InvalidOperationException e)
        {
            throw new ClientCertificateException(e.Message);
        }
        var useOpenSsl = OpenSslServerContext.IsAvailable && Environment.GetEnvironmentVariable(SslStreamServerContext.ForceVariable) != "dotnet";
        return useOpenSsl ? WithOpenSsl(clientDer) : WithSslStream(clientDer);
    }

    private static AutoMtls WithOpenSsl(byte[] clientDer)
    {
        if (!OpenSslServerIdentity.IsCertificate(clientDer, out var problem)) throw InvalidClientCertificate(problem);
        var identity = OpenSslServerIdentity.Create();
        return new AutoMtls(clientDer, identity.Der, () =>
        {
            using (identity) return OpenSslServerContext.Create(identity, clientDer);
        }, new(() => X509CertificateLoader.LoadCertificate(clientDer)));
    }

    private static AutoMtls WithSslStream(byte[] clientDer)
    {
        X509Certificate2 client;
        try
        {
            client = X509CertificateLoader.LoadCertificate(clientDer);
        }
        catch (CryptographicException e)
        {
            throw InvalidClientCertificate(e.Message);
        }
        var server = CreateServerCertificate();
        return new AutoMtls(clientDer, server.RawData, () => SslStreamServerContext.Create(server, client), new(client));
    }

    private static ClientCertificateException InvalidClientCertificate(string problem) =>
        new($"PLUGIN_CLIENT_CERT holds a PEM \"CERTIFICATE\" block whose content is not a valid X.509 certificate ({problem}).");

    /// <summary>Starts building the TLS server context in the background; the first TLS handshake awaits it.</summary>
    public void PrepareServerOptions() => _ = _serverContext.Value;

    public Task<IServerTlsContext> GetServerContextAsync() => _serverContext.Value;

    /// <summary>The SslStream path's certificate (macOS, Windows): go-plugin's template, as in
    /// <see cref="OpenSslServerIdentity.Create"/>. P-256 keeps key generation cheap.</summary>
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

    /// <summary>How long building the server's TLS context took (for trace logs).</summary>
    public TimeSpan ServerContextBuildTime { get; private set; }

    private IServerTlsContext CreateServerContext()
    {
        var started = Stopwatch.GetTimestamp();
        var context = _createServerContext();
        ServerContextBuildTime = Stopwatch.GetElapsedTime(started);
        return context;
    }
}
