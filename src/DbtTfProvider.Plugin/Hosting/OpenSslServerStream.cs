using System.Buffers;
using System.Security.Authentication;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// TLS over a transport stream with libssl and memory BIOs: ciphertext read from the transport goes into one BIO,
/// ciphertext libssl produces is taken from the other and written to the transport. An SSL object is not thread-safe,
/// and HTTP/2 reads and writes at once, so every libssl call holds <see cref="_ssl"/>'s lock (they never block: the
/// BIOs are memory), and transport writes go one at a time in the order libssl produced them.
/// </summary>
internal sealed class OpenSslServerStream : AsyncDuplexStream
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

    /// <summary>Runs the server handshake and returns the protocol ALPN settled on ("h2"), or empty; throws
    /// AuthenticationException when libssl refuses the client (wrong or missing certificate, no common protocol) and
    /// IOException when the client goes away.</summary>
    public async Task<ReadOnlyMemory<byte>> AuthenticateAsServerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = Handshake(out var error, out var failure);
            // Whatever libssl produced goes out, an alert for a refused client included.
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            if (result == 1) return SelectedAlpn();
            if (error != SslErrorWantRead) throw new AuthenticationException("TLS handshake refused: " + failure);
            if (!await ReceiveAsync(cancellationToken).ConfigureAwait(false))
                throw new IOException("the client closed the connection during the TLS handshake");
        }
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

    public override Task FlushAsync(CancellationToken cancellationToken) => _transport.FlushAsync(cancellationToken);

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
