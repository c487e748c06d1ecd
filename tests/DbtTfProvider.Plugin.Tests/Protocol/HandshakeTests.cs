using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>What go-plugin's client checks before it ever sends an RPC.</summary>
public sealed class HandshakeTests
{
    [Theory]
    [InlineData("5,6")]
    [InlineData("6,5")]
    [InlineData("6")]
    public async Task Handshake_line_offers_protocol_6_on_a_unix_socket_with_an_unpadded_localhost_certificate(string offered)
    {
        using var client = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(client.ExportCertificatePem(), offered));

        var line = await plugin.ReadHandshakeLineAsync();
        var fields = line.Split('|');

        Assert.Equal(6, fields.Length);
        Assert.Equal(["1", "6", "unix"], fields[..3]);
        Assert.Equal("grpc", fields[4]);
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await probe.ConnectAsync(new UnixDomainSocketEndPoint(fields[3]));
        }
        Assert.DoesNotContain('=', fields[5]);
        Assert.True(fields[5].Length > 50, "the client only parses certificates longer than 50 characters");

        var handshake = HandshakeLine.Parse(line);
        using var server = X509CertificateLoader.LoadCertificate(handshake.ServerCertificateDer!);
        var san = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", san.EnumerateDnsNames());
        var usages = server.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value);
        Assert.Contains("1.3.6.1.5.5.7.3.1", usages);
        Assert.Contains("1.3.6.1.5.5.7.3.2", usages);
        Assert.True(server.NotBefore.ToUniversalTime() <= DateTime.UtcNow.AddSeconds(-20), "valid from before now, for clock skew");

        // The certificate on the line is the one the server really presents (Connect trusts only that DER).
        var health = new Health.HealthClient(plugin.Connect(handshake, client));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = "plugin" })).Status);
    }

    [Fact]
    public async Task Every_start_gets_its_own_socket_and_certificate()
    {
        var dir = Directory.CreateTempSubdirectory("shared").FullName;
        try
        {
            using var client = TerraformClientCertificate.Create();
            var env = PluginProcess.TerraformEnvironment(client.ExportCertificatePem());
            env["PLUGIN_UNIX_SOCKET_DIR"] = dir;
            await using var first = PluginProcess.Start(env);
            await using var second = PluginProcess.Start(env);

            var a = await first.HandshakeAsync();
            var b = await second.HandshakeAsync();

            Assert.NotEqual(a.Address, b.Address);
            Assert.NotEqual(a.CertificateField, b.CertificateField);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Socket_goes_into_PLUGIN_UNIX_SOCKET_DIR_when_set()
    {
        var dir = Directory.CreateTempSubdirectory("sockdir").FullName;
        try
        {
            using var client = TerraformClientCertificate.Create();
            var env = PluginProcess.TerraformEnvironment(client.ExportCertificatePem());
            env["PLUGIN_UNIX_SOCKET_DIR"] = dir;
            await using var plugin = PluginProcess.Start(env);

            var handshake = await plugin.HandshakeAsync();

            Assert.Equal(dir, Path.GetDirectoryName(handshake.Address));
            Assert.StartsWith("plugin", Path.GetFileName(handshake.Address));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_client_certificate_the_server_speaks_plaintext_HTTP2_and_sends_no_certificate()
    {
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(clientCertificatePem: null));

        var handshake = await plugin.HandshakeAsync();

        Assert.Equal(6, handshake.Fields.Length);
        Assert.Equal("", handshake.CertificateField);
        var health = new Health.HealthClient(plugin.Connect(handshake, clientCertificate: null));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "plugin" })).Status);
    }

    [Fact]
    public async Task TF_DISABLE_PLUGIN_TLS_turns_AutoMTLS_off_even_with_a_client_certificate()
    {
        using var client = TerraformClientCertificate.Create();
        var env = PluginProcess.TerraformEnvironment(client.ExportCertificatePem());
        env["TF_DISABLE_PLUGIN_TLS"] = "1";
        await using var plugin = PluginProcess.Start(env);

        var handshake = await plugin.HandshakeAsync();

        Assert.Equal("", handshake.CertificateField);
    }

    [Fact]
    public async Task Run_by_hand_without_the_magic_cookie_it_explains_itself_and_exits_1()
    {
        var env = PluginProcess.TerraformEnvironment(clientCertificatePem: null);
        env["TF_PLUGIN_MAGIC_COOKIE"] = null;
        await using var plugin = PluginProcess.Start(env);

        var stdout = await plugin.ReadAllStdoutAsync();
        var exitCode = await plugin.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        var stderr = string.Join("\n", plugin.StderrLines);
        Assert.Contains("This binary is a plugin. These are not meant to be executed directly.", stderr);
        Assert.Contains("Please execute the program that consumes these plugins, which will", stderr);
    }

    [Fact]
    public async Task A_wrong_magic_cookie_is_refused_like_a_missing_one()
    {
        var env = PluginProcess.TerraformEnvironment(clientCertificatePem: null);
        env["TF_PLUGIN_MAGIC_COOKIE"] = "not-the-cookie";
        await using var plugin = PluginProcess.Start(env);

        var stdout = await plugin.ReadAllStdoutAsync();

        Assert.Equal(1, await plugin.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", stdout);
        Assert.Contains(plugin.StderrLines, l => l.StartsWith("This binary is a plugin.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Terraform_that_offers_only_protocol_5_gets_an_error_and_no_handshake()
    {
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(clientCertificatePem: null, versions: "5"));

        var stdout = await plugin.ReadAllStdoutAsync();

        Assert.Equal(1, await plugin.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", stdout);
        var stderr = string.Join("\n", plugin.StderrLines);
        Assert.Contains("\"5\"", stderr);
        Assert.Contains("protocol 6", stderr);
    }
}
