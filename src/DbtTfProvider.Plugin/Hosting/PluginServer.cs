using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// The go-plugin server side of Terraform's provider protocol 6: handshake, AutoMTLS, gRPC over a unix socket (TCP on
/// 127.0.0.1 on Windows, see <see cref="PluginListener"/>),
/// GRPCController/Shutdown, health, signals and hclog logging. Call from Main: <c>return PluginServer.Run(args, options);</c>
/// Launched by Terraform, Shutdown ends the process inside Run (<see cref="ImmediateExit"/>); otherwise Run returns
/// the exit code.
/// </summary>
public static class PluginServer
{
    private const int MaxMessageBytes = 256 * 1024 * 1024;

    public static int Run(string[] args, PluginServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = Stopwatch.GetTimestamp();

        // stdout carries the handshake line and nothing else: Terraform fails on any other first line. Everything
        // that writes through Console.Out from here on lands on stderr instead.
        using var stdout = Console.OpenStandardOutput();
        var stderr = Console.OpenStandardError();
        Console.SetOut(Console.Error);

        var debug = args.Any(a => a is "--debug" or "-debug");
        if (!debug)
        {
            if (!Handshake.HasMagicCookie(Environment.GetEnvironmentVariable(Handshake.MagicCookieKey)))
            {
                WriteText(stderr, Handshake.NotAPluginMessage);
                return 1;
            }
            if (!Handshake.TryNegotiateVersion(Environment.GetEnvironmentVariable("PLUGIN_PROTOCOL_VERSIONS"), out _, out var versionError))
            {
                WriteText(stderr, versionError + "\n");
                return 1;
            }
        }

        // The certificate (OpenSSL load, key generation, signing) is the longest step before the handshake line: it
        // starts first, on a thread of its own, while logging, signals and Kestrel are set up here; the TLS server
        // options follow it there. Its errors surface where it is awaited, below.
        var clientCertPem = Environment.GetEnvironmentVariable("PLUGIN_CLIENT_CERT");
        var tls = !debug && AutoMtls.IsEnabled(clientCertPem, Environment.GetEnvironmentVariable("TF_DISABLE_PLUGIN_TLS"));
        var certificate = !tls ? Task.FromResult<AutoMtls?>(null) : Task.Factory.StartNew(() =>
        {
            var mtls = AutoMtls.FromEnvironment(clientCertPem, null);
            mtls?.PrepareServerOptions();
            return mtls;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var logs = new HclogLoggerProvider(stderr, HclogLoggerProvider.ParseLevel(
            Environment.GetEnvironmentVariable("TF_LOG_PROVIDER"), Environment.GetEnvironmentVariable("TF_LOG")));
        var lifetime = new PluginLifetime();

        // Terraform's Ctrl-C reaches the whole process group; it then sends StopProvider, and the provider must
        // stay up to answer. Only a developer's Ctrl-C in debug mode ends the process. SIGTERM does once the creates
        // under way are settled (GracefulTermination).
        var termination = new GracefulTermination(lifetime);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            if (debug) lifetime.RequestExit(0);
        });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            termination.OnSigterm();
        });

        string? socketPath = null;
        using var loggers = CreateLoggerFactory(logs);
        var logger = loggers.CreateLogger("hosting");
        try
        {
            var listener = PluginListener.FromEnvironment(Environment.GetEnvironmentVariable);
            socketPath = listener.SocketPath;
            var removeSocket = socketPath;
            if (removeSocket is not null) AppDomain.CurrentDomain.ProcessExit += (_, _) => UnixSocketPath.Remove(removeSocket);

            var dispatcher = new GrpcDispatcher(MaxMessageBytes, logger, startedAt);
            ServiceRoutes.MapController(dispatcher, new ControllerService(termination));
            ServiceRoutes.MapHealth(dispatcher, new HealthService());
            // The provider is created after the handshake line, while Terraform dials and runs the TLS handshake;
            // calls that arrive first wait for it.
            var provider = new TaskCompletionSource<Tfplugin6.Provider.ProviderBase>(TaskCreationOptions.RunContinuationsAsynchronously);
            ServiceRoutes.MapProvider(dispatcher, provider.Task, termination.Calls);
            termination.Attach(provider.Task, logger);

            var server = listener.Start(bind => CreateServer(bind, certificate, loggers, logger), new GrpcApplication(dispatcher));
            var listening = Stopwatch.GetTimestamp();
            var mtls = certificate.GetAwaiter().GetResult();
            var certificateReady = Stopwatch.GetTimestamp();

            WriteText(stdout, debug
                ? ReattachInstructions(options.ProviderAddress, listener.Network, listener.Address)
                : Handshake.FormatLine(listener.Network, listener.Address, mtls?.ServerCertificateDer) + "\n");
            var handshake = Stopwatch.GetTimestamp();

            _ = Task.Run(() =>
            {
                try
                {
                    provider.SetResult(options.CreateProvider(loggers));
                }
                catch (Exception e)
                {
                    logger.LogError(e, "creating the provider failed: {error}", e.Message);
                    provider.SetException(e);
                }
            });
            logger.LogTrace(
                "plugin server listening on {network} {address}: server started at {start_ms:F2} ms, certificate ready at {certificate_ms:F2} ms, handshake at {handshake_ms:F2} ms after Run",
                listener.Network, listener.Address, Milliseconds(startedAt, listening), Milliseconds(startedAt, certificateReady), Milliseconds(startedAt, handshake));

            // Launched by Terraform, Shutdown ends the process where it is seen (PluginLifetime.ExitNow): the log
            // line and the socket file are all it leaves to clean up. In debug mode a developer's terminal may need
            // the runtime's own exit to restore its settings, so Run returns as it always did.
            var exiting = socketPath;
            if (!debug)
            {
                lifetime.ExitNowWith(code =>
                {
                    logger.LogDebug("plugin server exiting");
                    if (exiting is not null) UnixSocketPath.Remove(exiting);
                    ImmediateExit.Now(code);
                });
            }
            var exitCode = lifetime.ExitRequested.GetAwaiter().GetResult();
            logger.LogDebug("plugin server exiting");
            return exitCode;
        }
        catch (ClientCertificateException e)
        {
            // Like the cookie and version checks: a plain sentence, whatever the log level, and no handshake line.
            WriteText(stderr, e.Message + "\n");
            return 1;
        }
        catch (Exception e)
        {
            logger.LogError(e, "the plugin server failed to start: {error}", e.Message);
            return 1;
        }
        finally
        {
            if (socketPath is not null) UnixSocketPath.Remove(socketPath);
        }
    }

    private static LoggerFactory CreateLoggerFactory(HclogLoggerProvider logs)
    {
        // Kestrel's own chatter only from warnings up.
        var frameworkLevel = logs.MinimumLevel > LogLevel.Warning ? logs.MinimumLevel : LogLevel.Warning;
        return new LoggerFactory([logs], new LoggerFilterOptions
        {
            MinLevel = logs.MinimumLevel,
            Rules = { new LoggerFilterRule(null, "Microsoft", frameworkLevel, null) },
        });
    }

    /// <summary>Kestrel without a host: no DI container, configuration, or hosted services to build, HTTP/2 only on
    /// the listener's one endpoint.</summary>
    private static KestrelServer CreateServer(Action<KestrelServerOptions, Action<ListenOptions>> bind, Task<AutoMtls?> certificate, ILoggerFactory loggers, ILogger logger)
    {
        var kestrel = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = NoServices.Instance };
        // Like a go-plugin server: no size, rate or idle limits of HTTP's own on the one connection Terraform keeps
        // open for a whole walk (message sizes are checked by the dispatcher).
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Limits.MinRequestBodyDataRate = null;
        kestrel.Limits.MinResponseDataRate = null;
        // Kestrel closes idle HTTP/2 connections after 130 s by default; a walk can leave Terraform's connection idle
        // longer, and go-plugin does not redial.
        kestrel.Limits.KeepAliveTimeout = TimeSpan.FromDays(1);
        bind(kestrel, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.Use(next => new MtlsConnectionMiddleware(next, certificate, logger).OnConnectionAsync);
        });
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers);
        return new KestrelServer(Options.Create(kestrel), transport, loggers);
    }

    private static string ReattachInstructions(string providerAddress, string network, string address)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject(providerAddress);
            json.WriteString("Protocol", "grpc");
            json.WriteNumber("ProtocolVersion", Handshake.AppProtocolVersion);
            json.WriteNumber("Pid", Environment.ProcessId);
            // Protocol 6 reattach needs Test:true, or Terraform assumes protocol 5 and panics.
            json.WriteBoolean("Test", true);
            json.WriteStartObject("Addr");
            json.WriteString("Network", network);
            json.WriteString("String", address);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return "Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable with the following:\n\n" +
               $"\tTF_REATTACH_PROVIDERS='{Encoding.UTF8.GetString(buffer.WrittenSpan)}'\n";
    }

    private static void WriteText(Stream stream, string text)
    {
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush();
    }

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private sealed class GrpcApplication(GrpcDispatcher dispatcher) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => dispatcher.HandleAsync(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }

    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
