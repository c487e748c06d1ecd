using System.Runtime.InteropServices;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// The server side of AutoMTLS on libssl directly. SslStream cannot serve here without cost: on Linux every X509Chain
/// it builds (one for the server certificate's context, one for the client's certificate) first loads and parses the
/// whole system trust store, tens of milliseconds per process, and Terraform starts the provider several times per
/// command. Nothing on this path needs that store: the server certificate is self-signed and the only client accepted
/// is the one certificate Terraform pinned. Here the SSL_CTX gets an empty X509_STORE (no default verify paths), and
/// the verify callback decides by comparing the client's certificate byte for byte. Outbound HTTPS (the API clients)
/// keeps SslStream and the system trust.
/// </summary>
internal sealed unsafe class OpenSslServerContext : ServerTlsContext<OpenSslServerStream>, IDisposable
{
    private const int SslVerifyPeer = 0x01;
    private const int SslVerifyFailIfNoPeerCert = 0x02;
    private const int SslCtrlSetSessCacheMode = 44;
    private const int SslCtrlSetMinProtoVersion = 123;
    private const int Tls12Version = 0x0303;
    private const ulong SslOpNoTicket = 1UL << 14;
    private const ulong SslOpNoRenegotiation = 1UL << 30;
    private const int SslTlsextErrOk = 0;
    private const int SslTlsextErrNoAck = 3;

    // Contexts by SSL_CTX pointer, for the static callbacks (one per process in practice).
    private static readonly Dictionary<IntPtr, OpenSslServerContext> Contexts = [];
    private static readonly Lock ContextsGate = new();

    private readonly byte[] _expectedClientDer;
    private IntPtr _ctx;

    private OpenSslServerContext(IntPtr ctx, byte[] expectedClientDer)
    {
        _ctx = ctx;
        _expectedClientDer = expectedClientDer;
    }

    /// <summary>A TLS 1.2+ server context that presents <paramref name="identity"/>'s certificate, offers ALPN h2, and
    /// completes a handshake only with a client that presents exactly <paramref name="expectedClientDer"/>.</summary>
    public static OpenSslServerContext Create(OpenSslServerIdentity identity, byte[] expectedClientDer)
    {
        var ctx = LibSsl.SSL_CTX_new(LibSsl.TLS_server_method());
        if (ctx == IntPtr.Zero) throw LibSsl.Error("SSL_CTX_new");
        var context = new OpenSslServerContext(ctx, expectedClientDer);
        try
        {
            if (LibSsl.SSL_CTX_use_certificate(ctx, identity.Certificate) != 1) throw LibSsl.Error("SSL_CTX_use_certificate");
            if (LibSsl.SSL_CTX_use_PrivateKey(ctx, identity.Key) != 1 || LibSsl.SSL_CTX_check_private_key(ctx) != 1)
                throw LibSsl.Error("SSL_CTX_use_PrivateKey");
            if (LibSsl.SSL_CTX_ctrl(ctx, SslCtrlSetMinProtoVersion, Tls12Version, IntPtr.Zero) != 1) throw LibSsl.Error("setting TLS 1.2 as the minimum");
            // One connection per process: no session cache, tickets or renegotiation to keep state for.
            LibSsl.SSL_CTX_ctrl(ctx, SslCtrlSetSessCacheMode, 0, IntPtr.Zero);
            LibSsl.SSL_CTX_set_options(ctx, SslOpNoTicket | SslOpNoRenegotiation);
            if (LibSsl.SSL_CTX_set_num_tickets != null) LibSsl.SSL_CTX_set_num_tickets(ctx, 0);
            LibSsl.SSL_CTX_set_verify(ctx, SslVerifyPeer | SslVerifyFailIfNoPeerCert, &VerifyClient);
            LibSsl.SSL_CTX_set_alpn_select_cb(ctx, &SelectAlpn, IntPtr.Zero);
            lock (ContextsGate) Contexts[ctx] = context;
            return context;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Whether libssl and libcrypto load here (Linux; not the macOS and Windows builds).</summary>
    public static bool IsAvailable => Available.Value;

    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            return LibSsl.TLS_server_method != null;
        }
        catch (TypeInitializationException)
        {
            return false;
        }
    });

    protected override OpenSslServerStream CreateStream(Stream transport)
    {
        ObjectDisposedException.ThrowIf(_ctx == IntPtr.Zero, this);
        return new OpenSslServerStream(_ctx, transport);
    }

    protected override Task<ReadOnlyMemory<byte>> AuthenticateAsync(OpenSslServerStream tls, CancellationToken cancellationToken) =>
        tls.AuthenticateAsServerAsync(cancellationToken);

    public void Dispose()
    {
        var ctx = Interlocked.Exchange(ref _ctx, IntPtr.Zero);
        if (ctx == IntPtr.Zero) return;
        lock (ContextsGate) Contexts.Remove(ctx);
        LibSsl.SSL_CTX_free(ctx);
    }

    /// <summary>OpenSSL's verdict on the client's chain (preverify) is ignored: with an empty store it can only say
    /// "self-signed". The decision is whether the client's own certificate is the pinned one.</summary>
    [UnmanagedCallersOnly]
    private static int VerifyClient(int preverifyOk, IntPtr storeCtx)
    {
        try
        {
            var ssl = LibSsl.X509_STORE_CTX_get_ex_data(storeCtx, LibSsl.SSL_get_ex_data_X509_STORE_CTX_idx());
            OpenSslServerContext? context;
            lock (ContextsGate) Contexts.TryGetValue(LibSsl.SSL_get_SSL_CTX(ssl), out context);
            var leaf = LibSsl.X509_STORE_CTX_get0_cert(storeCtx);
            return context is not null && leaf != IntPtr.Zero && LibSsl.DerEquals(leaf, context._expectedClientDer) ? 1 : 0;
        }
        catch
        {
            return 0;
        }
    }

    /// <summary>go-plugin's gRPC client offers "h2" (grpc-go insists on it); pick it when offered.</summary>
    [UnmanagedCallersOnly]
    private static int SelectAlpn(IntPtr ssl, byte** output, byte* outputLength, byte* offered, uint offeredLength, IntPtr arg)
    {
        for (uint i = 0; i < offeredLength;)
        {
            var length = offered[i];
            if (length == 2 && i + 2 < offeredLength && offered[i + 1] == (byte)'h' && offered[i + 2] == (byte)'2')
            {
                *output = offered + i + 1;
                *outputLength = 2;
                return SslTlsextErrOk;
            }
            i += 1u + length;
        }
        return SslTlsextErrNoAck;
    }
}
