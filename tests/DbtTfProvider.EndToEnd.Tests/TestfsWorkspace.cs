using System.Reflection;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// Where the test-only provider <c>terraform-provider-testfs</c> was built (this project references it with
/// ReferenceOutputAssembly=false, so building the tests builds it), and a working directory set up to use it.
/// </summary>
public sealed class TestfsWorkspace : IDisposable
{
    public const string Address = "registry.terraform.io/dbt-tf/testfs";

    public static string ProviderDirectory { get; } = FindProviderDirectory();

    private readonly string _root = Directory.CreateTempSubdirectory("testfs-e2e-").FullName;

    public TestfsWorkspace()
    {
        var cliConfig = TerraformRunner.WriteDevOverridesConfig(Path.Combine(_root, "terraform.rc"),
            new Dictionary<string, string> { [Address] = ProviderDirectory });
        Directory.CreateDirectory(ItemsDirectory);
        Terraform = new TerraformRunner(Path.Combine(_root, "work"), new Dictionary<string, string> { ["TF_CLI_CONFIG_FILE"] = cliConfig });
    }

    public TerraformRunner Terraform { get; }

    /// <summary>The provider's <c>root</c>: one JSON file per item, edited here to change things behind Terraform's back.</summary>
    public string ItemsDirectory => Path.Combine(_root, "items");

    public string ItemPath(string id) => Path.Combine(ItemsDirectory, id + ".json");

    public static string ProviderHcl(string? root) => $$"""
        terraform {
          required_providers {
            testfs = { source = "dbt-tf/testfs" }
          }
        }
        provider "testfs" {
          {{(root is null ? "" : $"root = \"{root}\"")}}
        }

        """;

    private static string FindProviderDirectory()
    {
        var dir = typeof(TestfsWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TestProviderDirectory").Value!;
        var apphost = Path.Combine(dir, "terraform-provider-testfs");
        if (!File.Exists(apphost)) throw new InvalidOperationException($"{apphost} is missing: build tests/DbtTfProvider.TestProvider.");
        return Path.GetFullPath(dir);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A provider process still closing its files; the system cleans the temp folder later.
        }
    }
}
