using DbtTfProvider.Plugin.Tests.Protocol;

namespace DbtTfProvider.Release.Tests;

/// <summary>
/// The linux_arm64 build (NativeAOT, cross-linked) run under qemu-user-static with Terraform's environment: it must
/// print a correct handshake line with its AutoMTLS certificate, and then answer over that socket and TLS with its
/// persona's schema. `make release-tools` installs qemu and the arm64 OpenSSL it loads.
/// </summary>
public sealed class Arm64UnderQemuTests
{
    private static readonly string Qemu = new[] { "/usr/bin/qemu-aarch64-static", "/usr/bin/qemu-aarch64" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("qemu-aarch64-static is missing: run `make release-tools`.");

    [Theory]
    [InlineData("dbtcloud", new[] { "dbtcloud_artifacts_job", "dbtcloud_ci_job", "dbtcloud_service_token" })]
    [InlineData("datafold", new[] { "datafold_dbt_integration" })]
    public async Task The_arm64_build_prints_a_correct_handshake_line_under_qemu_and_serves_its_schema_over_mTLS(string type, string[] resources)
    {
        var dir = Directory.CreateTempSubdirectory("dbttf-arm64-").FullName;
        try
        {
            var executable = Dist.Extract(type, "linux_arm64", dir);
            using var client = TerraformClientCertificate.Create();
            await using var plugin = PluginProcess.Start(Qemu, PluginProcess.TerraformEnvironment(client.ExportCertificatePem()), executable);

            var line = await plugin.ReadHandshakeLineAsync();

            var fields = line.Split('|');
            Assert.True(fields.Length == 6, $"not a handshake line: {line}\n{string.Join("\n", plugin.StderrLines)}");
            Assert.Equal(["1", "6", "unix"], fields[..3]);
            Assert.Equal("grpc", fields[4]);
            Assert.True(File.Exists(fields[3]), "the socket named on the line exists");
            Assert.DoesNotContain('=', fields[5]);
            Assert.True(fields[5].Length > 50, "an AutoMTLS certificate on the line");

            var provider = new Tfplugin6.Provider.ProviderClient(plugin.Connect(HandshakeLine.Parse(line), client));
            var schema = await provider.GetProviderSchemaAsync(new Tfplugin6.GetProviderSchema.Types.Request(),
                deadline: DateTime.UtcNow.AddMinutes(2));
            Assert.Empty(schema.Diagnostics);
            Assert.Equal(resources, schema.ResourceSchemas.Keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
