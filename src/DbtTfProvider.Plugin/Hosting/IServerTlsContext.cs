namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// The AutoMTLS server side of one connection: runs the handshake over the transport and hands back the encrypted
/// stream. Two implementations, both on <see cref="ServerTlsContext{TTlsStream}"/>: libssl where it is present (Linux:
/// no system trust store on the path, see <see cref="OpenSslServerContext"/>), and SslStream everywhere else (the macOS
/// and Windows builds), which costs a trust-store load per process but needs nothing outside .NET.
/// </summary>
internal interface IServerTlsContext
{
    /// <summary>Runs the server handshake; the returned stream owns <paramref name="transport"/>. Throws
    /// AuthenticationException when the client is refused, IOException when it goes away; the transport is then
    /// disposed.</summary>
    Task<(Stream Tls, ReadOnlyMemory<byte> ApplicationProtocol)> AcceptAsync(Stream transport, CancellationToken cancellationToken);
}
