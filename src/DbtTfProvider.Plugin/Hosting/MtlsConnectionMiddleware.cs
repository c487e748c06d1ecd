using System.Diagnostics;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// TLS for one Kestrel connection with AutoMTLS rules: the client must present exactly Terraform's certificate or
/// the connection is closed during the handshake. Kestrel's own HTTPS middleware (SslStream) would load the system
/// trust store for the server certificate and again for the client's; here libssl serves the handshake (where present:
/// see <see cref="IServerTlsContext"/>) from a context built in the background after the handshake line's certificate,
/// and the first connection awaits it. Without AutoMTLS connections pass through untouched.
/// </summary>
internal sealed class MtlsConnectionMiddleware(ConnectionDelegate next, Task<AutoMtls?> certificate, ILogger logger)
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        if (await certificate is not { } mtls)
        {
            // AutoMTLS is off (no PLUGIN_CLIENT_CERT, or debug mode): plaintext HTTP/2.
            await next(connection);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var context = await mtls.GetServerContextAsync();
        var optionsReady = Stopwatch.GetTimestamp();
        Stream tls;
        ReadOnlyMemory<byte> applicationProtocol;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            timeout.CancelAfter(HandshakeTimeout);
            (tls, applicationProtocol) = await context.AcceptAsync(new TransportStream(connection.Transport), timeout.Token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            logger.LogWarning("refused a connection: TLS handshake failed ({error}); only the client certificate from PLUGIN_CLIENT_CERT is accepted", e.Message);
            return;
        }
        await using (tls)
        {
            logger.LogTrace("TLS connection accepted: waited {options_ms:F1} ms for the server certificate context (built in {context_ms:F1} ms), handshake {handshake_ms:F1} ms",
                Stopwatch.GetElapsedTime(started, optionsReady).TotalMilliseconds, mtls.ServerContextBuildTime.TotalMilliseconds,
                Stopwatch.GetElapsedTime(optionsReady).TotalMilliseconds);
            var plaintext = connection.Transport;
            var feature = new TlsFeature(mtls, applicationProtocol);
            connection.Features.Set<ITlsConnectionFeature>(feature);
            connection.Features.Set<ITlsApplicationProtocolFeature>(feature);
            connection.Transport = new StreamPipe(
                PipeReader.Create(tls, new StreamPipeReaderOptions(leaveOpen: true)),
                PipeWriter.Create(tls, new StreamPipeWriterOptions(leaveOpen: true)));
            try
            {
                await next(connection);
            }
            finally
            {
                await connection.Transport.Input.CompleteAsync();
                await connection.Transport.Output.CompleteAsync();
                connection.Transport = plaintext;
            }
        }
    }

    private sealed record StreamPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>The connection's transport pipe as the stream that TLS encrypts over.</summary>
    private sealed class TransportStream(IDuplexPipe pipe) : AsyncDuplexStream
    {
        private readonly Stream _input = pipe.Input.AsStream(leaveOpen: true);
        private readonly Stream _output = pipe.Output.AsStream(leaveOpen: true);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _input.ReadAsync(buffer, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _output.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);
    }

    /// <summary>The handshake only completes with Terraform's certificate, so that is the client's (parsed only if
    /// something asks).</summary>
    private sealed class TlsFeature(AutoMtls mtls, ReadOnlyMemory<byte> applicationProtocol) : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        public X509Certificate2? ClientCertificate
        {
            get => mtls.ExpectedClient;
            set => throw new NotSupportedException();
        }

        public ReadOnlyMemory<byte> ApplicationProtocol => applicationProtocol;

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) =>
            Task.FromResult(ClientCertificate);
    }
}
