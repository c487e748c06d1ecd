namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// <see cref="IServerTlsContext.AcceptAsync"/> written once for both AutoMTLS servers: the TLS stream made over the
/// transport owns it, and a failed handshake disposes that stream. The servers differ only in the stream and in how its
/// handshake runs.
/// </summary>
internal abstract class ServerTlsContext<TTlsStream> : IServerTlsContext where TTlsStream : Stream
{
    public async Task<(Stream Tls, ReadOnlyMemory<byte> ApplicationProtocol)> AcceptAsync(Stream transport, CancellationToken cancellationToken)
    {
        var tls = CreateStream(transport);
        try
        {
            var applicationProtocol = await AuthenticateAsync(tls, cancellationToken).ConfigureAwait(false);
            return (tls, applicationProtocol);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A server-side TLS stream over <paramref name="transport"/> that disposes it with itself.</summary>
    protected abstract TTlsStream CreateStream(Stream transport);

    /// <summary>Runs the server handshake on <paramref name="tls"/>; returns the protocol ALPN settled on ("h2"), or
    /// empty.</summary>
    protected abstract Task<ReadOnlyMemory<byte>> AuthenticateAsync(TTlsStream tls, CancellationToken cancellationToken);
}
