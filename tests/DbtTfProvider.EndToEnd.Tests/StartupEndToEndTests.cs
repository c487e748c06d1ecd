using DbtTfProvider.TestSupport;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>Launching the provider, as Terraform does several times per command, needs nothing from the system.</summary>
public sealed class StartupEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task A_schema_only_launch_never_opens_the_system_trust_store()
    {
        // SSL_CERT_DIR and SSL_CERT_FILE name where OpenSSL and .NET look for the system's trusted roots. Point them
        // at a store of our own and watch it: any open of the directory or a file in it is seen.
        var store = Directory.CreateTempSubdirectory("dbttf-certs").FullName;
        try
        {
            var bundle = Path.Combine(store, "ca-certificates.crt");
            await File.WriteAllTextAsync(bundle, "");
            var tf = TerraformCli.InNewDirectory(fixture, "no-trust-store").WriteConfig("");
            tf.Runner.Environment["SSL_CERT_DIR"] = store;
            tf.Runner.Environment["SSL_CERT_FILE"] = bundle;
            using var watch = new DirectoryOpenWatch(store);

            // Both personas start, hand-shake over mTLS, serve GetProviderSchema and shut down.
            var result = (await tf.RunAsync("providers", "schema", "-json")).Succeeded();
            var opensDuringTheCommand = watch.TakeOpens();
            _ = Directory.GetFiles(store);
            var opensByTheTest = watch.TakeOpens();

            Assert.Contains("\"dbtcloud_service_token\"", result.Stdout);
            Assert.Contains("\"dbtcloud_artifacts_job\"", result.Stdout);
            Assert.Contains("\"datafold_dbt_integration\"", result.Stdout);
            Assert.NotEmpty(opensByTheTest);
            Assert.Empty(opensDuringTheCommand);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
