using DbtTfProvider.TestSupport;
using Tfplugin6;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>What the AutoMTLS server needs before it can answer: Terraform's certificate, parsed in full before the
/// handshake line, and nothing from the system trust store.</summary>
public sealed class ServerTlsStartupTests
{
    [Fact]
    public async Task A_launch_that_serves_the_schema_never_opens_the_system_trust_store()
    {
        // SSL_CERT_DIR and SSL_CERT_FILE name where OpenSSL and .NET look for the system's trusted roots. Point them
        // at a store of our own and watch it: any open of the directory or a file in it is seen.
        var store = Directory.CreateTempSubdirectory("dbttf-certs").FullName;
        try
        {
            var bundle = Path.Combine(store, "ca-certificates.crt");
            using var terraform = TerraformClientCertificate.Create();
            await File.WriteAllTextAsync(bundle, terraform.ExportCertificatePem());
            using var watch = new DirectoryOpenWatch(store);
            var env = PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem());
            env["SSL_CERT_DIR"] = store;
            env["SSL_CERT_FILE"] = bundle;
            await using var plugin = PluginProcess.Start(env);
            var channel = plugin.Connect(await plugin.HandshakeAsync(), terraform);

            var schema = await new Provider.ProviderClient(channel).GetProviderSchemaAsync(new GetProviderSchema.Types.Request());
            await new GoPlugin.GRPCController.GRPCControllerClient(channel).ShutdownAsync(new GoPlugin.Empty());
            Assert.Equal(0, await plugin.WaitForExitAsync(TimeSpan.FromSeconds(10)));
            var opensByThePlugin = watch.TakeOpens();
            // The watch does see opens: reading the store from here shows up.
            _ = Directory.GetFiles(store);
            _ = await File.ReadAllBytesAsync(bundle);
            var opensByTheTest = watch.TakeOpens();

            Assert.NotNull(schema.Provider.Block);
            Assert.NotEmpty(opensByTheTest);
            Assert.Empty(opensByThePlugin);
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
}
