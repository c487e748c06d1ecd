using System.Runtime.InteropServices;
using Grpc.Core;
using Tfplugin6;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>What the AutoMTLS server needs before it can answer: Terraform's certificate, parsed in full before the
/// handshake line, and nothing from the system trust store.</summary>
public sealed class ServerTlsStartupTests
{
    [Fact]
    public async Task The_server_TLS_path_never_opens_the_system_trust_store()
    {
        // SSL_CERT_DIR and SSL_CERT_FILE name where OpenSSL and .NET look for the system's trusted roots. Here the
        // directory holds a named pipe without a writer: whoever loads that store blocks on opening it, for good.
        var store = Directory.CreateTempSubdirectory("dbttf-certs").FullName;
        try
        {
            var blocker = Path.Combine(store, "ca-certificates.crt");
            Assert.Equal(0, mkfifo(blocker, 0b110_000_000));
            using var terraform = TerraformClientCertificate.Create();
            var env = PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem());
            env["SSL_CERT_DIR"] = store;
            env["SSL_CERT_FILE"] = blocker;
            await using var plugin = PluginProcess.Start(env);
            var provider = new Provider.ProviderClient(plugin.Connect(await plugin.HandshakeAsync(), terraform));

            var schema = await provider.GetProviderSchemaAsync(new GetProviderSchema.Types.Request(),
                deadline: DateTime.UtcNow.AddSeconds(30));

            Assert.NotNull(schema.Provider.Block);
            Assert.True(schema.ServerCapabilities.GetProviderSchemaOptional);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task A_PLUGIN_CLIENT_CERT_that_is_valid_PEM_around_invalid_DER_stops_the_plugin_before_the_handshake()
    {
        var pem = "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String("this is no DER certificate"u8) + "\n-----END CERTIFICATE-----\n";
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(pem));

        var stdout = await plugin.ReadAllStdoutAsync();

        Assert.Equal(1, await plugin.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", stdout);
        Assert.Contains(plugin.StderrLines, l =>
            l.StartsWith("PLUGIN_CLIENT_CERT holds a PEM \"CERTIFICATE\" block whose content is not a valid X.509 certificate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_PLUGIN_CLIENT_CERT_without_a_certificate_block_stops_the_plugin_before_the_handshake()
    {
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment("not a certificate"));

        var stdout = await plugin.ReadAllStdoutAsync();

        Assert.Equal(1, await plugin.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", stdout);
        Assert.Contains("PLUGIN_CLIENT_CERT does not hold a PEM \"CERTIFICATE\" block.", plugin.StderrLines);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
}
