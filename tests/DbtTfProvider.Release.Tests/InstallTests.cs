using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using DbtTfProvider.EndToEnd.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DbtTfProvider.Release.Tests;

/// <summary>
/// A team installing a release: the quickstart, the release's lock file beside it, and a plain <c>terraform init</c>
/// on a machine that has never seen the provider (an empty HOME, no dev_overrides, no network beyond loopback), from
/// each of the three places the README names; then <c>validate</c>, which runs both providers. Init must accept the
/// release's lock file.
/// </summary>
public sealed class InstallTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dbttf-install-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Home => Path.Combine(_root, "home");

    private TerraformRunner Quickstart(Dictionary<string, string> environment)
    {
        Directory.CreateDirectory(Home);
        environment["HOME"] = Home;
        var runner = new TerraformRunner(Path.Combine(_root, "quickstart"), environment);
        // Nothing from the machine's own Terraform set-up.
        runner.Environment["TF_CLI_CONFIG_FILE"] = environment.GetValueOrDefault("TF_CLI_CONFIG_FILE");
        runner.Environment["TF_PLUGIN_CACHE_DIR"] = null;
        runner.Environment["TF_DATA_DIR"] = null;
        foreach (var file in Directory.GetFiles(Path.Combine(Dist.Root, "examples", "quickstart"), "*.tf"))
            File.Copy(file, Path.Combine(runner.WorkingDirectory, Path.GetFileName(file)));
        File.Copy(Path.Combine(Dist.Directory, "terraform.lock.hcl"), Path.Combine(runner.WorkingDirectory, ".terraform.lock.hcl"));
        return runner;
    }

    private static async Task InitAndValidateAsync(TerraformRunner runner)
    {
        var lockFile = Path.Combine(runner.WorkingDirectory, ".terraform.lock.hcl");
        var committed = File.ReadAllText(lockFile);

        var init = await runner.SucceedAsync("init");

        foreach (var type in Dist.Types)
            Assert.Contains($"Installing dbt-tf/{type} v{Dist.Version}", init.Stdout);
        // The committed hashes hold: nothing was re-selected, and every locked hash is still there (Terraform may
        // add the zh: hash a network mirror reports for the archive it downloaded).
        Assert.DoesNotContain("made some changes to the provider dependency selections", init.Stdout);
        var after = File.ReadAllText(lockFile);
        foreach (Match hash in Regex.Matches(committed, "\"(h1|zh):[^\"]+\""))
            Assert.Contains(hash.Value, after);
        Assert.Equal(Regex.Matches(committed, "version += \"[^\"]+\"").Select(m => m.Value), Regex.Matches(after, "version += \"[^\"]+\"").Select(m => m.Value));
        var validate = await runner.SucceedAsync("validate");
        Assert.Contains("The configuration is valid", validate.Stdout);
    }

    [Fact]
    public async Task Packed_mirror_copied_into_the_home_plugins_folder_installs_with_no_CLI_configuration()
    {
        var plugins = Path.Combine(Home, ".terraform.d", "plugins");
        CopyDirectory(Dist.Mirror, plugins);
        var runner = Quickstart(new Dictionary<string, string>());

        await InitAndValidateAsync(runner);
    }

    [Fact]
    public async Task Packed_mirror_named_as_a_filesystem_mirror_in_the_CLI_configuration_installs()
    {
        var config = Path.Combine(_root, "fs-mirror.tfrc");
        File.WriteAllText(config, $$"""
            provider_installation {
              filesystem_mirror {
                path    = "{{Dist.Mirror}}"
                include = ["registry.terraform.io/dbt-tf/*"]
              }
              direct {
                exclude = ["registry.terraform.io/dbt-tf/*"]
              }
            }
            """);
        var runner = Quickstart(new Dictionary<string, string> { ["TF_CLI_CONFIG_FILE"] = config });

        await InitAndValidateAsync(runner);
    }

    [Fact]
    public async Task Mirror_folder_served_over_HTTPS_is_a_network_mirror_Terraform_installs_from()
    {
        var requests = new ConcurrentQueue<string>();
        var (certificate, caFile) = LoopbackCertificate();
        using (certificate)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
            await using var app = builder.Build();
            var mirror = Path.GetFullPath(Dist.Mirror) + Path.DirectorySeparatorChar;
            // A static file host and nothing more, as a bucket would be.
            app.MapGet("/{**path}", (string path) =>
            {
                requests.Enqueue(path);
                var file = Path.GetFullPath(Path.Combine(mirror, path));
                return file.StartsWith(mirror, StringComparison.Ordinal) && File.Exists(file)
                    ? Results.File(file, file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/zip")
                    : Results.NotFound();
            });
            await app.StartAsync();
            var url = app.Urls.Single().Replace("http://", "https://", StringComparison.Ordinal).TrimEnd('/') + "/";

            var config = Path.Combine(_root, "net-mirror.tfrc");
            File.WriteAllText(config, $$"""
                provider_installation {
                  network_mirror {
                    url     = "{{url}}"
                    include = ["registry.terraform.io/dbt-tf/*"]
                  }
                  direct {
                    exclude = ["registry.terraform.io/dbt-tf/*"]
                  }
                }
                """);
            // Go reads extra trust anchors from SSL_CERT_FILE: the loopback server's own certificate.
            var runner = Quickstart(new Dictionary<string, string> { ["TF_CLI_CONFIG_FILE"] = config, ["SSL_CERT_FILE"] = caFile });

            await InitAndValidateAsync(runner);
        }

        foreach (var type in Dist.Types)
        {
            Assert.Contains($"registry.terraform.io/dbt-tf/{type}/index.json", requests);
            Assert.Contains($"registry.terraform.io/dbt-tf/{type}/{Dist.Version}.json", requests);
            Assert.Contains($"registry.terraform.io/dbt-tf/{type}/{Dist.ZipName(type, "linux_amd64")}", requests);
        }
    }

    [Fact]
    public void Lock_file_holds_both_providers_with_the_h1_hash_of_every_platforms_package()
    {
        var text = File.ReadAllText(Path.Combine(Dist.Directory, "terraform.lock.hcl"));

        foreach (var type in Dist.Types)
        {
            var block = Regex.Match(text, $"provider \"registry.terraform.io/dbt-tf/{type}\" \\{{(.*?)\\n\\}}", RegexOptions.Singleline);
            Assert.True(block.Success, $"no lock entry for dbt-tf/{type}:\n{text}");
            Assert.Contains($"version     = \"{Dist.Version}\"", block.Value);
            var locked = Regex.Matches(block.Value, "\"(h1:[A-Za-z0-9+/=]{44})\"").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
            var packages = Dist.Platforms.Select(p => PackageHash(type, p)).Order(StringComparer.Ordinal);
            Assert.Equal(packages, locked);
        }
    }

    /// <summary>Terraform's h1: hash of a package (Go's dirhash Hash1): SHA-256 over the sorted lines
    /// "&lt;sha256 hex&gt;  &lt;name&gt;\n" of the files in the archive.</summary>
    private static string PackageHash(string type, string platform)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(Dist.ZipPath(type, platform));
        var lines = new StringBuilder();
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var stream = entry.Open();
            lines.Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append("  ").Append(entry.FullName).Append('\n');
        }
        return "h1:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }

    [Fact]
    public void Network_mirror_JSON_lists_the_version_and_every_archive_with_its_zh_hash()
    {
        foreach (var type in Dist.Types)
        {
            var folder = Path.Combine(Dist.Mirror, "registry.terraform.io", "dbt-tf", type);
            using var index = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "index.json")));
            Assert.Equal([Dist.Version], index.RootElement.GetProperty("versions").EnumerateObject().Select(p => p.Name));

            using var version = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Dist.Version + ".json")));
            var archives = version.RootElement.GetProperty("archives");
            Assert.Equal(Dist.Platforms.Order(StringComparer.Ordinal), archives.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var platform in Dist.Platforms)
            {
                var archive = archives.GetProperty(platform);
                var file = Path.Combine(folder, archive.GetProperty("url").GetString()!);
                Assert.Equal(Dist.ZipName(type, platform), Path.GetFileName(file));
                Assert.Equal(["zh:" + Dist.Sha256(Dist.ZipPath(type, platform))], archive.GetProperty("hashes").EnumerateArray().Select(h => h.GetString()));
                Assert.Equal(Dist.Sha256(Dist.ZipPath(type, platform)), Dist.Sha256(file));
            }
        }
    }

    /// <summary>A certificate for 127.0.0.1 and its PEM file, which Terraform is told to trust.</summary>
    private (X509Certificate2 Certificate, string PemFile) LoopbackCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        var pem = Path.Combine(_root, "loopback-ca.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        return (certificate, pem);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
