using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>AutoMTLS on SslStream: the fallback where libssl cannot be loaded (macOS, Windows), or when
/// DBTTF_PLUGIN_TLS=dotnet forces it (tests).</summary>
internal sealed class SslStreamServerContext(SslServerAuthenticationOptions options) : ServerTlsContext<SslStream>
{
    /// <summary>The environment variable that forces this implementation on Linux (for tests of the fallback).</summary>
    public const string ForceVariable = "DBTTF_PLUGIN_TLS";

    public static SslStreamServerContext Create(X509Certificate2 serverCertificate, X509Certificate2 expectedClient)
    {
        var expectedDer = expectedClient.RawData;
        // Windows' TLS layer (SChannel) refuses a server key that lives only in memory, as CreateSelfSigned's does;
        // a round trip through PKCS#12 gives it a key container.
        if (OperatingSystem.IsWindows())
            serverCertificate = X509CertificateLoader.LoadPkcs12(serverCertificate.Export(X509ContentType.Pkcs12), password: null);
        return new(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(serverCertificate, additionalCertificates: null, offline: true),
            ClientCertificateRequired = true,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            // The only trusted root is Terraform's own one-off certificate; the decision itself is the byte comparison.
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { expectedClient },
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
                VerificationFlags = X509VerificationFlags.AllFlags,
            },
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expectedDer),
        });
    }

    protected override SslStream CreateStream(Stream transport) => new(transport, leaveInnerStreamOpen: false);

    protected override async Task<ReadOnlyMemory<byte>> AuthenticateAsync(SslStream tls, CancellationToken cancellationToken)
    {
        await tls.AuthenticateAsServerAsync(options, cancellationToken).ConfigureAwait(false);
        return tls.NegotiatedApplicationProtocol.Protocol;
    }
}
