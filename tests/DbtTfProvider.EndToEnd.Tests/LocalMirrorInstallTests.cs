using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The installation a user does: <c>make install</c> puts both personas into Terraform's implied local mirror
/// (<c>~/.terraform.d/plugins</c>), and a plain <c>terraform init</c>, with no CLI configuration and no network,
/// installs them from there; each address then serves its own part of the schema.
/// </summary>
public sealed class LocalMirrorInstallTests
{
    private static readonly string Root = RepositoryPaths.Root;

    [Fact]
    public async Task Make_install_then_plain_terraform_init_finds_both_providers_in_the_local_mirror()
    {
        var home = Directory.CreateTempSubdirectory("dbttf-home-").FullName;
        var work = Directory.CreateTempSubdirectory("dbttf-init-").FullName;
        try
        {
            var version = Regex.Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;
            var mirror = Path.Combine(home, ".terraform.d", "plugins", "registry.terraform.io", "dbt-tf");

            // The mirror is under the test's own home; the build itself keeps using the machine's NuGet cache.
            var (code, output) = await RunAsync("make", ["--no-print-directory", "-C", Root, "install", $"MIRROR={mirror}"], new());
            Assert.True(code == 0, $"make install failed:\n{output}");
            foreach (var type in new[] { "dbtcloud", "datafold" })
                Assert.True(File.Exists(Path.Combine(mirror, type, version, "linux_amd64", $"terraform-provider-{type}_v{version}")), $"{type} is not in the mirror:\n{output}");

            var cliConfig = Path.Combine(work, "empty.tfrc");
            File.WriteAllText(cliConfig, "");
            var runner = new TerraformRunner(work, new Dictionary<string, string> { ["HOME"] = home, ["TF_CLI_CONFIG_FILE"] = cliConfig });
            runner.WriteConfig("""
                terraform {
                  required_providers {
                    dbtcloud = { source = "dbt-tf/dbtcloud", version = "~> 0.1" }
                    datafold = { source = "dbt-tf/datafold", version = "~> 0.1" }
                  }
                }
                """);

            var init = await runner.SucceedAsync("init");
            Assert.Contains($"Installing dbt-tf/dbtcloud v{version}", init.Stdout);
            Assert.Contains($"Installing dbt-tf/datafold v{version}", init.Stdout);
            Assert.True(File.Exists(Path.Combine(work, ".terraform.lock.hcl")), "init wrote no lock file");

            // The installed executables run, each under its own persona.
            var schema = await runner.SucceedAsync("providers", "schema", "-json");
            using var doc = JsonDocument.Parse(schema.Stdout);
            var providers = doc.RootElement.GetProperty("provider_schemas");
            var dbtcloud = ResourceTypes(providers.GetProperty("registry.terraform.io/dbt-tf/dbtcloud"));
            var datafold = ResourceTypes(providers.GetProperty("registry.terraform.io/dbt-tf/datafold"));
            Assert.Equal(["dbtcloud_artifacts_job", "dbtcloud_ci_job", "dbtcloud_service_token"], dbtcloud);
            Assert.Equal(["datafold_dbt_integration"], datafold);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
            Directory.Delete(work, recursive: true);
        }
    }

    private static string[] ResourceTypes(JsonElement provider) =>
        provider.GetProperty("resource_schemas").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, Dictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

}
