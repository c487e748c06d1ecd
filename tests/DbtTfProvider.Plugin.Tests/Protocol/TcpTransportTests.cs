using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>
/// TCP on 127.0.0.1, the transport go-plugin servers use on Windows, forced here with DBTTF_PLUGIN_NETWORK=tcp:
/// the handshake line names it, the port follows PLUGIN_MIN_PORT..PLUGIN_MAX_PORT, and AutoMTLS guards it as on
/// the unix socket.
/// </summary>
public sealed class TcpTransportTests
{
    private static Dictionary<string, string?> TcpEnvironment(string? clientCertificatePem, int? minPort = 10000, int? maxPort = 25000)
    {
        var env = PluginProcess.TerraformEnvironment(clientCertificatePem);
        env["DBTTF_PLUGIN_NETWORK"] = "tcp";
        env["PLUGIN_MIN_PORT"] = minPort?.ToString(CultureInfo.InvariantCulture);
        env["PLUGIN_MAX_PORT"] = maxPort?.ToString(CultureInfo.InvariantCulture);
        return env;
    }

    private static int Port(HandshakeLine handshake)
    {
        var endpoint = IPEndPoint.Parse(handshake.Address);
        Assert.Equal(IPAddress.Loopback, endpoint.Address);
        return endpoint.Port;
    }

    [Fact]
    public async Task Handshake_line_names_tcp_on_loopback_in_Terraforms_port_range_and_mTLS_works_there()
    {
        using var client = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(TcpEnvironment(client.ExportCertificatePem()));

        var handshake = await plugin.HandshakeAsync();

        Assert.Equal(["1", "6", "tcp"], handshake.Fields[..3]);
        Assert.Equal("grpc", handshake.Fields[4]);
        Assert.InRange(Port(handshake), 10000, 25000);
        Assert.True(handshake.CertificateField.Length > 50, "AutoMTLS certificate on the line");
        var health = new Health.HealthClient(plugin.Connect(handshake, client));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = "plugin" })).Status);
    }

    [Fact]
    public async Task On_tcp_a_client_without_Terraforms_certificate_is_refused()
    {
        using var terraform = TerraformClientCertificate.Create();
        using var stranger = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(TcpEnvironment(terraform.ExportCertificatePem()));
        var handshake = await plugin.HandshakeAsync();

        var health = new Health.HealthClient(plugin.Connect(handshake, stranger));

        await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = "plugin" }));
    }

    [Fact]
    public async Task A_port_taken_by_another_process_is_skipped_for_the_next_one_in_the_range()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var first = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var client = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(TcpEnvironment(client.ExportCertificatePem(), first, first + 50));

        var handshake = await plugin.HandshakeAsync();

        Assert.InRange(Port(handshake), first + 1, first + 50);
        var health = new Health.HealthClient(plugin.Connect(handshake, client));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = "plugin" })).Status);
    }

    [Fact]
    public async Task Without_a_port_range_any_free_port_is_used()
    {
        await using var plugin = PluginProcess.Start(TcpEnvironment(clientCertificatePem: null, minPort: null, maxPort: null));

        var handshake = await plugin.HandshakeAsync();

        Assert.Equal("tcp", handshake.Network);
        Assert.InRange(Port(handshake), 1, 65535);
        var health = new Health.HealthClient(plugin.Connect(handshake, clientCertificate: null));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = "plugin" })).Status);
    }

    [Fact]
    public async Task A_range_with_no_free_port_fails_start_up_with_a_message_naming_the_variables()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var plugin = PluginProcess.Start(TcpEnvironment(clientCertificatePem: null, port, port));

        var stdout = await plugin.ReadAllStdoutAsync();

        Assert.Equal(1, await plugin.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", stdout);
        Assert.Contains(plugin.StderrLines, l => l.Contains("PLUGIN_MIN_PORT", StringComparison.Ordinal) && l.Contains(port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_network_is_refused_with_the_accepted_values()
    {
        var env = PluginProcess.TerraformEnvironment(clientCertificatePem: null);
        env["DBTTF_PLUGIN_NETWORK"] = "pipe";
        await using var plugin = PluginProcess.Start(env);

        var stdout = await plugin.ReadAllStdoutAsync();

        Assert.Equal(1, await plugin.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", stdout);
        Assert.Contains(plugin.StderrLines, l => l.Contains("DBTTF_PLUGIN_NETWORK", StringComparison.Ordinal) && l.Contains("\\\"tcp\\\"", StringComparison.Ordinal));
    }
}
