using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Grpc.Net.Client;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>
/// The host test server run as a child process with the environment Terraform gives a provider, read the way
/// go-plugin reads it: the first stdout line is the handshake, stderr lines are logs.
/// </summary>
internal sealed class PluginProcess : IAsyncDisposable
{
    public const string MagicCookie = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _stderrArrived = new(0);
    private readonly Task _stderrPump;
    private readonly List<GrpcChannel> _channels = [];
    private Task<string>? _restOfStdout;

    private readonly string? _socketDirectory;

    private PluginProcess(Process process, string? socketDirectory)
    {
        _process = process;
        _socketDirectory = socketDirectory;
        _stderrPump = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                _stderr.Enqueue(line);
                _stderrArrived.Release();
            }
        });
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> StderrLines => [.. _stderr];

    /// <summary>The executable under test: the host test server built next to this test project, or another
    /// provider executable named by DBTTF_HOST_TEST_SERVER (e.g. a NativeAOT publish).</summary>
    public static string ExecutablePath
    {
        get
        {
            var overridePath = Environment.GetEnvironmentVariable("DBTTF_HOST_TEST_SERVER");
            if (!string.IsNullOrEmpty(overridePath)) return overridePath;
            var directory = typeof(PluginProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "HostTestServerDirectory").Value!;
            return Path.Combine(directory, "DbtTfProvider.HostTestServer");
        }
    }

    /// <summary>Terraform's environment for a provider: cookie, offered versions and, unless clientCertificatePem is
    /// null, AutoMTLS. extra entries override (a null value removes the variable).</summary>
    public static Dictionary<string, string?> TerraformEnvironment(string? clientCertificatePem, string versions = "5,6") => new()
    {
        ["TF_PLUGIN_MAGIC_COOKIE"] = MagicCookie,
        ["PLUGIN_PROTOCOL_VERSIONS"] = versions,
        ["PLUGIN_MIN_PORT"] = "10000",
        ["PLUGIN_MAX_PORT"] = "25000",
        ["PLUGIN_CLIENT_CERT"] = clientCertificatePem,
    };

    public static PluginProcess Start(IDictionary<string, string?> environment, params string[] args) =>
        Start(ExecutablePath, environment, args);

    /// <summary>Starts <paramref name="fileName"/> (a provider executable, or a launcher such as qemu given the
    /// executable as its first argument) the same way.</summary>
    public static PluginProcess Start(string fileName, IDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Only what the test says: nothing inherited from the developer's shell or the CI runner.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("TF_", StringComparison.Ordinal) || key.StartsWith("PLUGIN_", StringComparison.Ordinal)) start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        // A directory per process, removed on dispose: a test that kills its plugin leaves no socket in /tmp.
        string? socketDirectory = null;
        if (!environment.ContainsKey("PLUGIN_UNIX_SOCKET_DIR"))
        {
            socketDirectory = Directory.CreateTempSubdirectory("dbttf").FullName;
            start.Environment["PLUGIN_UNIX_SOCKET_DIR"] = socketDirectory;
        }
        return new PluginProcess(Process.Start(start)!, socketDirectory);
    }

    /// <summary>
    /// How long any read of the plugin's stdout may wait: a plugin that never writes (or never closes) its stdout fails
    /// the test, with its stderr, instead of hanging the run.
    /// </summary>
    private static readonly TimeSpan StdoutTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads the first stdout line (the handshake), then keeps collecting the rest for StdoutAfterHandshake.</summary>
    public async Task<string> ReadHandshakeLineAsync()
    {
        var line = await ReadStdoutLineAsync();
        _restOfStdout = _process.StandardOutput.ReadToEndAsync();
        return line;
    }

    public async Task<string> ReadStdoutLineAsync() =>
        await WithinStdoutTimeout(_process.StandardOutput.ReadLineAsync(), "a stdout line")
        ?? throw new InvalidOperationException("the plugin closed stdout; stderr:\n" + string.Join("\n", StderrLines));

    public async Task<HandshakeLine> HandshakeAsync() => HandshakeLine.Parse(await ReadHandshakeLineAsync());

    /// <summary>Everything the process wrote to stdout after the handshake line, once it has exited.</summary>
    public Task<string> StdoutAfterHandshakeAsync() =>
        WithinStdoutTimeout(_restOfStdout ?? throw new InvalidOperationException("no handshake read yet"), "the end of stdout");

    /// <summary>All of stdout, once the process has closed it (exited).</summary>
    public Task<string> ReadAllStdoutAsync() => WithinStdoutTimeout(_process.StandardOutput.ReadToEndAsync(), "the end of stdout");

    private async Task<T> WithinStdoutTimeout<T>(Task<T> read, string what)
    {
        try
        {
            return await read.WaitAsync(StdoutTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no {what} from the plugin within {StdoutTimeout.TotalSeconds} s; stderr so far:\n" + string.Join("\n", StderrLines));
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        await _stderrPump.WaitAsync(TimeSpan.FromSeconds(5));
        return _process.ExitCode;
    }

    public async Task<string> WaitForStderrAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _stderr.FirstOrDefault(match);
            if (found is not null) return found;
            try
            {
                await _stderrArrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("no matching stderr line; stderr so far:\n" + string.Join("\n", StderrLines));
            }
        }
    }

    public void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>A gRPC channel like go-plugin's client: dial the unix socket (or TCP address), TLS with ServerName localhost, trust
    /// only the certificate from the handshake line, and present clientCertificate (if any).</summary>
    public GrpcChannel Connect(HandshakeLine handshake, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var tcp = handshake.Network == "tcp";
                var socket = tcp
                    ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
                    : new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(tcp ? IPEndPoint.Parse(handshake.Address) : new UnixDomainSocketEndPoint(handshake.Address), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && handshake.ServerCertificateDer is { } expected && certificate.GetRawCertData().AsSpan().SequenceEqual(expected),
            },
        };
        var channel = GrpcChannel.ForAddress(handshake.ServerCertificateDer is null ? "http://localhost" : "https://localhost", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_socketDirectory is not null) Directory.Delete(_socketDirectory, recursive: true);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
