using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// Where the plugin listens, chosen the way go-plugin's server chooses: a fresh unix socket, or TCP on 127.0.0.1 on
/// Windows. The client never asks for one or the other; it dials whatever the handshake line names
/// (<c>1|6|unix|/tmp/plugin123|grpc|…</c> or <c>1|6|tcp|127.0.0.1:10000|grpc|…</c>). Like go-plugin, the TCP port is
/// the first free one in PLUGIN_MIN_PORT..PLUGIN_MAX_PORT (Terraform sets 10000..25000), any free port when they are
/// unset. DBTTF_PLUGIN_NETWORK=tcp (or unix) overrides the choice, so the TCP path is tested on Linux too.
/// </summary>
internal sealed class PluginListener
{
    public const string NetworkVariable = "DBTTF_PLUGIN_NETWORK";

    private readonly int _minPort;
    private readonly int _maxPort;

    private PluginListener(string? socketPath, int minPort, int maxPort)
    {
        SocketPath = socketPath;
        _minPort = minPort;
        _maxPort = maxPort;
        Address = socketPath ?? "";
    }

    /// <summary>"unix" or "tcp", as the handshake line names it.</summary>
    public string Network => SocketPath is null ? "tcp" : "unix";

    /// <summary>The socket path, or 127.0.0.1:PORT once <see cref="Start"/> has bound the port.</summary>
    public string Address { get; private set; }

    /// <summary>The unix socket's path (removed on exit), null for TCP.</summary>
    public string? SocketPath { get; }

    public static PluginListener FromEnvironment(Func<string, string?> environment)
    {
        var forced = environment(NetworkVariable);
        var tcp = forced switch
        {
            null or "" => OperatingSystem.IsWindows(),
            "tcp" => true,
            "unix" => false,
            _ => throw new InvalidOperationException($"{NetworkVariable} is \"{forced}\"; it can be \"tcp\" or \"unix\"."),
        };
        if (!tcp) return new PluginListener(UnixSocketPath.Create(environment("PLUGIN_UNIX_SOCKET_DIR")), 0, 0);
        var min = ParsePort(environment("PLUGIN_MIN_PORT"), "PLUGIN_MIN_PORT");
        var max = ParsePort(environment("PLUGIN_MAX_PORT"), "PLUGIN_MAX_PORT");
        if (min > max) throw new InvalidOperationException($"PLUGIN_MIN_PORT ({min}) is greater than PLUGIN_MAX_PORT ({max}).");
        return new PluginListener(null, min, max);
    }

    /// <summary>Starts a server that <paramref name="createServer"/> makes for one endpoint (it calls the bind action
    /// on its Kestrel options with its own listen options). On TCP a port taken by another process (Terraform starts
    /// several providers at once) moves on to the next one.</summary>
    public IServer Start(Func<Action<KestrelServerOptions, Action<ListenOptions>>, IServer> createServer, IHttpApplication<HttpContext> application)
    {
        if (SocketPath is { } path)
        {
            var server = createServer((kestrel, listen) => kestrel.ListenUnixSocket(path, listen));
            server.StartAsync(application, CancellationToken.None).GetAwaiter().GetResult();
            return server;
        }
        for (var port = _minPort; ; port++)
        {
            var candidate = port;
            var server = createServer((kestrel, listen) => kestrel.Listen(IPAddress.Loopback, candidate, listen));
            try
            {
                server.StartAsync(application, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (IOException e) when (e.InnerException is AddressInUseException && port < _maxPort)
            {
                server.Dispose();
                continue;
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                server.Dispose();
                throw new InvalidOperationException($"No free TCP port on 127.0.0.1 between {_minPort} and {_maxPort} (PLUGIN_MIN_PORT, PLUGIN_MAX_PORT).", e);
            }
            // Port 0 means "any": the address Kestrel reports has the port the system gave.
            var bound = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            Address = "127.0.0.1:" + bound.Port.ToString(CultureInfo.InvariantCulture);
            return server;
        }
    }

    private static int ParsePort(string? value, string name)
    {
        if (string.IsNullOrEmpty(value)) return 0;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535) return port;
        throw new InvalidOperationException($"{name} is \"{value}\", not a port number.");
    }
}
