using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Authentication;

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
internal sealed unsafe class OpenSslServerContext : IServerTlsContext, IDisposable
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

    public Task<(Stream Tls, ReadOnlyMemory<byte> ApplicationProtocol)> AcceptAsync(Stream transport, CancellationToken cancellationToken) =>
        OpenSslServerStream.AcceptAsync(CreateStream(transport), cancellationToken);

    /// <summary>A server-side TLS stream over <paramref name="transport"/>; call AuthenticateAsync first.</summary>
    public OpenSslServerStream CreateStream(Stream transport)
    {
        ObjectDisposedException.ThrowIf(_ctx == IntPtr.Zero, this);
        return new OpenSslServerStream(_ctx, transport);
    }

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

/// <summary>
/// TLS over a transport stream with libssl and memory BIOs: ciphertext read from the transport goes into one BIO,
/// ciphertext libssl produces is taken from the other and written to the transport. An SSL object is not thread-safe,
/// and HTTP/2 reads and writes at once, so every libssl call holds <see cref="_ssl"/>'s lock (they never block: the
/// BIOs are memory), and transport writes go one at a time in the order libssl produced them.
/// </summary>
internal sealed class OpenSslServerStream : Stream
{
    private const int SslErrorWantRead = 2;
    private const int SslErrorZeroReturn = 6;
    private const int BioCtrlPending = 10;

    private readonly Stream _transport;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly byte[] _receiveBuffer = new byte[32 * 1024];
    private IntPtr _ssl;
    private readonly IntPtr _outgoing;
    private readonly IntPtr _incoming;

    internal unsafe OpenSslServerStream(IntPtr ctx, Stream transport)
    {
        _transport = transport;
        _ssl = LibSsl.SSL_new(ctx);
        if (_ssl == IntPtr.Zero) throw LibSsl.Error("SSL_new");
        _incoming = LibSsl.BIO_new(LibSsl.BIO_s_mem());
        _outgoing = LibSsl.BIO_new(LibSsl.BIO_s_mem());
        if (_incoming == IntPtr.Zero || _outgoing == IntPtr.Zero)
        {
            if (_incoming != IntPtr.Zero) LibSsl.BIO_free(_incoming);
            if (_outgoing != IntPtr.Zero) LibSsl.BIO_free(_outgoing);
            LibSsl.SSL_free(_ssl);
            throw LibSsl.Error("BIO_new");
        }
        // The SSL object owns both BIOs from here on.
        LibSsl.SSL_set_bio(_ssl, _incoming, _outgoing);
        LibSsl.SSL_set_accept_state(_ssl);
    }

    /// <summary>Runs the handshake on <paramref name="tls"/>; disposes it when the handshake fails.</summary>
    internal static async Task<(Stream Tls, ReadOnlyMemory<byte> ApplicationProtocol)> AcceptAsync(OpenSslServerStream tls, CancellationToken cancellationToken)
    {
        try
        {
            await tls.AuthenticateAsServerAsync(cancellationToken).ConfigureAwait(false);
            return (tls, tls.NegotiatedApplicationProtocol);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The protocol ALPN settled on ("h2"), or empty.</summary>
    public ReadOnlyMemory<byte> NegotiatedApplicationProtocol { get; private set; }

    /// <summary>Runs the server handshake; throws AuthenticationException when libssl refuses the client (wrong or
    /// missing certificate, no common protocol) and IOException when the client goes away.</summary>
    public async Task AuthenticateAsServerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = Handshake(out var error, out var failure);
            // Whatever libssl produced goes out, an alert for a refused client included.
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            if (result == 1)
            {
                NegotiatedApplicationProtocol = SelectedAlpn();
                return;
            }
            if (error != SslErrorWantRead) throw new AuthenticationException("TLS handshake refused: " + failure);
            if (!await ReceiveAsync(cancellationToken).ConfigureAwait(false))
                throw new IOException("the client closed the connection during the TLS handshake");
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            var read = Read(buffer.Span, out var error, out var failure, out var hasOutput);
            // libssl may answer while reading (a TLS 1.3 key update): send that first.
            if (hasOutput) await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            if (read > 0) return read;
            if (error == SslErrorZeroReturn) return 0;
            if (error != SslErrorWantRead) throw new IOException("TLS read failed: " + failure);
            if (!await ReceiveAsync(cancellationToken).ConfigureAwait(false)) return 0;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return;
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Encrypt(buffer.Span);
            await DrainToTransportAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() => _transport.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _transport.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override unsafe void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                if (_ssl != IntPtr.Zero) LibSsl.SSL_free(_ssl);
                _ssl = IntPtr.Zero;
            }
            _transport.Dispose();
        }
        base.Dispose(disposing);
    }

    private IntPtr LiveSsl => _ssl != IntPtr.Zero ? _ssl : throw new ObjectDisposedException(nameof(OpenSslServerStream));

    private unsafe int Handshake(out int error, out string failure)
    {
        lock (_gate)
        {
            LibSsl.ERR_clear_error();
            var result = LibSsl.SSL_do_handshake(LiveSsl);
            error = result == 1 ? 0 : LibSsl.SSL_get_error(_ssl, result);
            failure = error is 0 or SslErrorWantRead ? "" : LibSsl.ErrorQueueText();
            return result;
        }
    }

    private unsafe int Read(Span<byte> buffer, out int error, out string failure, out bool hasOutput)
    {
        lock (_gate)
        {
            LibSsl.ERR_clear_error();
            int read;
            fixed (byte* p = buffer) read = LibSsl.SSL_read(LiveSsl, p, buffer.Length);
            error = read > 0 ? 0 : LibSsl.SSL_get_error(_ssl, read);
            failure = error is 0 or SslErrorWantRead or SslErrorZeroReturn ? "" : LibSsl.ErrorQueueText();
            hasOutput = LibSsl.BIO_ctrl(_outgoing, BioCtrlPending, 0, IntPtr.Zero) > 0;
            return read;
        }
    }

    private unsafe void Encrypt(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            LibSsl.ERR_clear_error();
            int written;
            // Memory BIOs grow as needed, so SSL_write takes the whole buffer at once or fails.
            fixed (byte* p = buffer) written = LibSsl.SSL_write(LiveSsl, p, buffer.Length);
            if (written != buffer.Length) throw new IOException("TLS write failed: " + LibSsl.ErrorQueueText());
        }
    }

    private unsafe ReadOnlyMemory<byte> SelectedAlpn()
    {
        lock (_gate)
        {
            byte* data;
            uint length;
            LibSsl.SSL_get0_alpn_selected(LiveSsl, &data, &length);
            return data == null || length == 0 ? ReadOnlyMemory<byte>.Empty : new ReadOnlySpan<byte>(data, (int)length).ToArray();
        }
    }

    /// <summary>Reads ciphertext from the transport into libssl; false at end of stream. One reader at a time
    /// (the handshake, then the HTTP/2 read loop).</summary>
    private async ValueTask<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        var count = await _transport.ReadAsync(_receiveBuffer, cancellationToken).ConfigureAwait(false);
        if (count == 0) return false;
        PutIncoming(count);
        return true;
    }

    private unsafe void PutIncoming(int count)
    {
        lock (_gate)
        {
            fixed (byte* p = _receiveBuffer)
            {
                if (LibSsl.BIO_write(_incoming, p, count) != count) throw new IOException("TLS: buffering received data failed");
            }
        }
    }

    private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DrainToTransportAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Writes everything libssl has produced to the transport, in order; the caller holds the write gate.</summary>
    private async ValueTask DrainToTransportAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var chunk = TakeOutgoing(out var length);
            if (chunk is null) break;
            try
            {
                await _transport.WriteAsync(chunk.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
        await _transport.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private unsafe byte[]? TakeOutgoing(out int length)
    {
        lock (_gate)
        {
            length = 0;
            var pending = (int)LibSsl.BIO_ctrl(_outgoing, BioCtrlPending, 0, IntPtr.Zero);
            if (pending <= 0) return null;
            var chunk = ArrayPool<byte>.Shared.Rent(pending);
            fixed (byte* p = chunk) length = LibSsl.BIO_read(_outgoing, p, pending);
            if (length > 0) return chunk;
            ArrayPool<byte>.Shared.Return(chunk);
            return null;
        }
    }
}

/// <summary>The libssl / libcrypto entry points used above, resolved once from the same OpenSSL the .NET runtime
/// uses (3.x, or 1.1.1).</summary>
internal static unsafe class LibSsl
{
    private static readonly (IntPtr Ssl, IntPtr Crypto) Libraries = Load();

    public static readonly delegate* unmanaged<IntPtr> TLS_server_method = (delegate* unmanaged<IntPtr>)Ssl("TLS_server_method");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> SSL_CTX_new = (delegate* unmanaged<IntPtr, IntPtr>)Ssl("SSL_CTX_new");
    public static readonly delegate* unmanaged<IntPtr, void> SSL_CTX_free = (delegate* unmanaged<IntPtr, void>)Ssl("SSL_CTX_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> SSL_CTX_use_certificate = (delegate* unmanaged<IntPtr, IntPtr, int>)Ssl("SSL_CTX_use_certificate");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> SSL_CTX_use_PrivateKey = (delegate* unmanaged<IntPtr, IntPtr, int>)Ssl("SSL_CTX_use_PrivateKey");
    public static readonly delegate* unmanaged<IntPtr, int> SSL_CTX_check_private_key = (delegate* unmanaged<IntPtr, int>)Ssl("SSL_CTX_check_private_key");
    public static readonly delegate* unmanaged<IntPtr, int, long, IntPtr, long> SSL_CTX_ctrl = (delegate* unmanaged<IntPtr, int, long, IntPtr, long>)Ssl("SSL_CTX_ctrl");
    public static readonly delegate* unmanaged<IntPtr, ulong, ulong> SSL_CTX_set_options = (delegate* unmanaged<IntPtr, ulong, ulong>)Ssl("SSL_CTX_set_options");
    public static readonly delegate* unmanaged<IntPtr, nuint, int> SSL_CTX_set_num_tickets = (delegate* unmanaged<IntPtr, nuint, int>)Ssl("SSL_CTX_set_num_tickets", optional: true);
    public static readonly delegate* unmanaged<IntPtr, int, delegate* unmanaged<int, IntPtr, int>, void> SSL_CTX_set_verify =
        (delegate* unmanaged<IntPtr, int, delegate* unmanaged<int, IntPtr, int>, void>)Ssl("SSL_CTX_set_verify");
    public static readonly delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, byte**, byte*, byte*, uint, IntPtr, int>, IntPtr, void> SSL_CTX_set_alpn_select_cb =
        (delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, byte**, byte*, byte*, uint, IntPtr, int>, IntPtr, void>)Ssl("SSL_CTX_set_alpn_select_cb");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> SSL_new = (delegate* unmanaged<IntPtr, IntPtr>)Ssl("SSL_new");
    public static readonly delegate* unmanaged<IntPtr, void> SSL_free = (delegate* unmanaged<IntPtr, void>)Ssl("SSL_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr, void> SSL_set_bio = (delegate* unmanaged<IntPtr, IntPtr, IntPtr, void>)Ssl("SSL_set_bio");
    public static readonly delegate* unmanaged<IntPtr, void> SSL_set_accept_state = (delegate* unmanaged<IntPtr, void>)Ssl("SSL_set_accept_state");
    public static readonly delegate* unmanaged<IntPtr, int> SSL_do_handshake = (delegate* unmanaged<IntPtr, int>)Ssl("SSL_do_handshake");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> SSL_read = (delegate* unmanaged<IntPtr, byte*, int, int>)Ssl("SSL_read");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> SSL_write = (delegate* unmanaged<IntPtr, byte*, int, int>)Ssl("SSL_write");
    public static readonly delegate* unmanaged<IntPtr, int, int> SSL_get_error = (delegate* unmanaged<IntPtr, int, int>)Ssl("SSL_get_error");
    public static readonly delegate* unmanaged<IntPtr, byte**, uint*, void> SSL_get0_alpn_selected = (delegate* unmanaged<IntPtr, byte**, uint*, void>)Ssl("SSL_get0_alpn_selected");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> SSL_get_SSL_CTX = (delegate* unmanaged<IntPtr, IntPtr>)Ssl("SSL_get_SSL_CTX");
    public static readonly delegate* unmanaged<int> SSL_get_ex_data_X509_STORE_CTX_idx = (delegate* unmanaged<int>)Ssl("SSL_get_ex_data_X509_STORE_CTX_idx");

    public static readonly delegate* unmanaged<IntPtr> BIO_s_mem = (delegate* unmanaged<IntPtr>)Crypto("BIO_s_mem");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> BIO_new = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("BIO_new");
    public static readonly delegate* unmanaged<IntPtr, int> BIO_free = (delegate* unmanaged<IntPtr, int>)Crypto("BIO_free");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> BIO_read = (delegate* unmanaged<IntPtr, byte*, int, int>)Crypto("BIO_read");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> BIO_write = (delegate* unmanaged<IntPtr, byte*, int, int>)Crypto("BIO_write");
    public static readonly delegate* unmanaged<IntPtr, int, long, IntPtr, long> BIO_ctrl = (delegate* unmanaged<IntPtr, int, long, IntPtr, long>)Crypto("BIO_ctrl");
    public static readonly delegate* unmanaged<IntPtr, byte**, long, IntPtr> d2i_X509 = (delegate* unmanaged<IntPtr, byte**, long, IntPtr>)Crypto("d2i_X509");
    public static readonly delegate* unmanaged<IntPtr, byte**, int> i2d_X509 = (delegate* unmanaged<IntPtr, byte**, int>)Crypto("i2d_X509");
    public static readonly delegate* unmanaged<IntPtr, void> X509_free = (delegate* unmanaged<IntPtr, void>)Crypto("X509_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_STORE_CTX_get0_cert = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_STORE_CTX_get0_cert");
    public static readonly delegate* unmanaged<IntPtr, int, IntPtr> X509_STORE_CTX_get_ex_data = (delegate* unmanaged<IntPtr, int, IntPtr>)Crypto("X509_STORE_CTX_get_ex_data");
    public static readonly delegate* unmanaged<IntPtr, void> EVP_PKEY_free = (delegate* unmanaged<IntPtr, void>)Crypto("EVP_PKEY_free");
    // The server's own key and certificate (OpenSslServerIdentity).
    public static readonly delegate* unmanaged<int, IntPtr> EC_KEY_new_by_curve_name = (delegate* unmanaged<int, IntPtr>)Crypto("EC_KEY_new_by_curve_name");
    public static readonly delegate* unmanaged<IntPtr, int, void> EC_KEY_set_asn1_flag = (delegate* unmanaged<IntPtr, int, void>)Crypto("EC_KEY_set_asn1_flag");
    public static readonly delegate* unmanaged<IntPtr, int> EC_KEY_generate_key = (delegate* unmanaged<IntPtr, int>)Crypto("EC_KEY_generate_key");
    public static readonly delegate* unmanaged<IntPtr, void> EC_KEY_free = (delegate* unmanaged<IntPtr, void>)Crypto("EC_KEY_free");
    public static readonly delegate* unmanaged<IntPtr> EVP_PKEY_new = (delegate* unmanaged<IntPtr>)Crypto("EVP_PKEY_new");
    public static readonly delegate* unmanaged<IntPtr, int, IntPtr, int> EVP_PKEY_assign = (delegate* unmanaged<IntPtr, int, IntPtr, int>)Crypto("EVP_PKEY_assign");
    public static readonly delegate* unmanaged<IntPtr> EVP_sha256 = (delegate* unmanaged<IntPtr>)Crypto("EVP_sha256");
    public static readonly delegate* unmanaged<IntPtr> X509_new = (delegate* unmanaged<IntPtr>)Crypto("X509_new");
    public static readonly delegate* unmanaged<IntPtr, long, int> X509_set_version = (delegate* unmanaged<IntPtr, long, int>)Crypto("X509_set_version");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_get_serialNumber = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_get_serialNumber");
    public static readonly delegate* unmanaged<IntPtr, long, int> ASN1_INTEGER_set = (delegate* unmanaged<IntPtr, long, int>)Crypto("ASN1_INTEGER_set");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_getm_notBefore = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_getm_notBefore");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_getm_notAfter = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_getm_notAfter");
    public static readonly delegate* unmanaged<IntPtr, long, IntPtr> X509_gmtime_adj = (delegate* unmanaged<IntPtr, long, IntPtr>)Crypto("X509_gmtime_adj");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> X509_set_pubkey = (delegate* unmanaged<IntPtr, IntPtr, int>)Crypto("X509_set_pubkey");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_get_subject_name = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_get_subject_name");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> X509_set_issuer_name = (delegate* unmanaged<IntPtr, IntPtr, int>)Crypto("X509_set_issuer_name");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, byte*, int, int, int, int> X509_NAME_add_entry_by_txt =
        (delegate* unmanaged<IntPtr, byte*, int, byte*, int, int, int, int>)Crypto("X509_NAME_add_entry_by_txt");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int, byte*, IntPtr> X509V3_EXT_conf_nid = (delegate* unmanaged<IntPtr, IntPtr, int, byte*, IntPtr>)Crypto("X509V3_EXT_conf_nid");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int, int> X509_add_ext = (delegate* unmanaged<IntPtr, IntPtr, int, int>)Crypto("X509_add_ext");
    public static readonly delegate* unmanaged<IntPtr, void> X509_EXTENSION_free = (delegate* unmanaged<IntPtr, void>)Crypto("X509_EXTENSION_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr, int> X509_sign = (delegate* unmanaged<IntPtr, IntPtr, IntPtr, int>)Crypto("X509_sign");
    public static readonly delegate* unmanaged<void> ERR_clear_error = (delegate* unmanaged<void>)Crypto("ERR_clear_error");
    public static readonly delegate* unmanaged<ulong> ERR_get_error = (delegate* unmanaged<ulong>)Crypto("ERR_get_error");
    public static readonly delegate* unmanaged<ulong, byte*, nuint, void> ERR_error_string_n = (delegate* unmanaged<ulong, byte*, nuint, void>)Crypto("ERR_error_string_n");

    /// <summary>Whether the DER encoding of an X509* equals <paramref name="expected"/>.</summary>
    public static bool DerEquals(IntPtr x509, byte[] expected) =>
        i2d_X509(x509, null) == expected.Length && ToDer(x509).AsSpan().SequenceEqual(expected);

    /// <summary>The DER encoding of an X509*.</summary>
    public static byte[] ToDer(IntPtr x509)
    {
        var length = i2d_X509(x509, null);
        if (length <= 0) throw Error("i2d_X509");
        var buffer = new byte[length];
        fixed (byte* p = buffer)
        {
            var cursor = p;
            if (i2d_X509(x509, &cursor) != length) throw Error("i2d_X509");
        }
        return buffer;
    }

    /// <summary>An X509* parsed from DER (free it with X509_free), or zero when <paramref name="der"/> is not a certificate.</summary>
    public static IntPtr FromDer(byte[] der)
    {
        fixed (byte* p = der)
        {
            var cursor = p;
            return d2i_X509(IntPtr.Zero, &cursor, der.Length);
        }
    }

    /// <summary>The calling thread's OpenSSL error queue as text (emptied), or a generic phrase.</summary>
    public static string ErrorQueueText()
    {
        var parts = new List<string>();
        var buffer = stackalloc byte[256];
        for (var code = ERR_get_error(); code != 0; code = ERR_get_error())
        {
            ERR_error_string_n(code, buffer, 256);
            parts.Add(Marshal.PtrToStringUTF8((IntPtr)buffer) ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "the peer closed the connection or sent an unexpected message" : string.Join("; ", parts);
    }

    public static InvalidOperationException Error(string step) => new($"OpenSSL: {step} failed: {ErrorQueueText()}");

    private static (IntPtr, IntPtr) Load()
    {
        foreach (var version in new[] { "3", "1.1" })
        {
            if (NativeLibrary.TryLoad($"libssl.so.{version}", out var ssl) && NativeLibrary.TryLoad($"libcrypto.so.{version}", out var crypto))
                return (ssl, crypto);
        }
        throw new DllNotFoundException("OpenSSL (libssl.so.3 or libssl.so.1.1) was not found; the plugin server needs it for AutoMTLS.");
    }

    private static IntPtr Ssl(string name, bool optional = false) => Export(Libraries.Ssl, name, optional);

    private static IntPtr Crypto(string name) => Export(Libraries.Crypto, name, optional: false);

    private static IntPtr Export(IntPtr library, string name, bool optional) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address
        : optional ? IntPtr.Zero
        : throw new EntryPointNotFoundException($"OpenSSL has no {name}.");
}
