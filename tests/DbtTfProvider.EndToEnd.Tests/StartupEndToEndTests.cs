using System.Runtime.InteropServices;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>Launching the provider, as Terraform does several times per command, needs nothing from the system.</summary>
public sealed class StartupEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task A_schema_only_launch_never_opens_the_system_trust_store()
    {
        // The system's trusted roots are found through SSL_CERT_DIR and SSL_CERT_FILE. Both lead to a named pipe
        // without a writer: a process that loads the store blocks on opening it, and the command never finishes.
        var store = Directory.CreateTempSubdirectory("dbttf-certs").FullName;
        try
        {
            var blocker = Path.Combine(store, "ca-certificates.crt");
            Assert.Equal(0, mkfifo(blocker, 0b110_000_000));
            var tf = TerraformCli.InNewDirectory(fixture, "no-trust-store").WriteConfig("");
            tf.Runner.Environment["SSL_CERT_DIR"] = store;
            tf.Runner.Environment["SSL_CERT_FILE"] = blocker;

            // Both personas start, hand-shake over mTLS and serve GetProviderSchema, then shut down.
            var result = (await tf.RunAsync("providers", "schema", "-json")).Succeeded();

            Assert.Contains("\"dbtcloud_service_token\"", result.Stdout);
            Assert.Contains("\"dbtcloud_artifacts_job\"", result.Stdout);
            Assert.Contains("\"datafold_dbt_integration\"", result.Stdout);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
}
