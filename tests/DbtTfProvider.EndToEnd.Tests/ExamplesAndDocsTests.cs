using System.Text.Json;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// What a user copies must work, and what the registry shows must be complete: every example under examples/
/// passes <c>terraform validate</c> with the built provider, and <c>terraform providers schema -json</c> describes
/// every attribute of every resource and of both provider blocks.
/// </summary>
public sealed class ExamplesAndDocsTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string ExamplesRoot = Path.Combine(Root, "examples");

    /// <summary>Every folder under examples/ that holds Terraform files, relative to examples/ (e.g. "resources/dbtcloud_artifacts_job").</summary>
    public static TheoryData<string> ExampleDirectories() => new(ExampleFolders());

    private static string[] ExampleFolders() =>
        Directory.EnumerateDirectories(ExamplesRoot, "*", SearchOption.AllDirectories)
            .Where(d => Directory.EnumerateFiles(d, "*.tf").Any())
            .Select(d => Path.GetRelativePath(ExamplesRoot, d).Replace('\\', '/'))
            // Not what terraform init leaves behind (.terraform/modules) in an example someone tried out.
            .Where(d => !d.Split('/').Any(segment => segment.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Theory]
    [MemberData(nameof(ExampleDirectories))]
    public async Task Example_passes_terraform_validate(string example)
    {
        var dir = fixture.NewWorkingDirectory("validate-" + example.Replace('/', '-'));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ExamplesRoot, example), "*.tf"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));

        var result = await new TerraformRunner(dir, fixture.Environment).RunAsync("validate");

        Assert.True(result.ExitCode == 0 && result.Stdout.Contains("Success! The configuration is valid"), $"examples/{example}:\n{result}");
    }

    [Fact]
    public void Every_folder_with_an_example_is_validated()
    {
        // The theory above enumerates examples/ itself; this pins the folders a user is pointed to, so that a moved
        // or renamed example cannot silently drop out of validation.
        Assert.Equal(
            ["beside-dbt-labs", "data-sources/datafold_data_source", "data-sources/dbtcloud_environment", "data-sources/dbtcloud_project",
             "provider", "quickstart", "resources/datafold_dbt_integration", "resources/dbtcloud_artifacts_job", "resources/dbtcloud_ci_job",
             "resources/dbtcloud_service_token"],
            ExampleFolders());
    }

    [Fact]
    public async Task Providers_schema_describes_every_attribute_of_both_providers_and_every_resource_and_data_source()
    {
        var dir = fixture.NewWorkingDirectory("providers-schema");
        var runner = new TerraformRunner(dir, fixture.Environment);
        runner.WriteConfig(ProviderFixture.ProvidersHcl);

        var result = await runner.ExpectAsync(0, "providers", "schema", "-json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var schemas = doc.RootElement.GetProperty("provider_schemas");
        var resourcesByProvider = new Dictionary<string, string[]>
        {
            [ProviderFixture.DbtCloudAddress] = ["dbtcloud_artifacts_job", "dbtcloud_ci_job", "dbtcloud_service_token"],
            [ProviderFixture.DatafoldAddress] = ["datafold_dbt_integration"],
        };
        Assert.Equal(resourcesByProvider.Keys.Order(StringComparer.Ordinal), schemas.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var dataSourcesByProvider = new Dictionary<string, string[]>
        {
            [ProviderFixture.DbtCloudAddress] = ["dbtcloud_environment", "dbtcloud_project"],
            [ProviderFixture.DatafoldAddress] = ["datafold_data_source"],
        };

        var undescribed = new List<string>();
        var attributeCount = 0;
        foreach (var (address, resources) in resourcesByProvider)
        {
            var dataSourceSchemas = schemas.GetProperty(address).GetProperty("data_source_schemas");
            Assert.Equal(dataSourcesByProvider[address], dataSourceSchemas.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var dataSource in dataSourceSchemas.EnumerateObject())
            {
                attributeCount += CollectUndescribed(dataSource.Value.GetProperty("block"), "data " + dataSource.Name, undescribed, isResource: true);
                Assert.True(File.Exists(Path.Combine(ExamplesRoot, "data-sources", dataSource.Name, "data-source.tf")), $"examples/data-sources/{dataSource.Name}/data-source.tf is missing");
            }

            var provider = schemas.GetProperty(address);
            attributeCount += CollectUndescribed(provider.GetProperty("provider").GetProperty("block"), $"provider {address}", undescribed, isResource: false);
            var resourceSchemas = provider.GetProperty("resource_schemas");
            Assert.Equal(resources, resourceSchemas.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var resource in resourceSchemas.EnumerateObject())
            {
                attributeCount += CollectUndescribed(resource.Value.GetProperty("block"), resource.Name, undescribed, isResource: true);
                // Each resource type has its registry example and import script.
                Assert.True(File.Exists(Path.Combine(ExamplesRoot, "resources", resource.Name, "resource.tf")), $"examples/resources/{resource.Name}/resource.tf is missing");
                Assert.True(File.Exists(Path.Combine(ExamplesRoot, "resources", resource.Name, "import.sh")), $"examples/resources/{resource.Name}/import.sh is missing");
            }
        }

        Assert.True(undescribed.Count == 0, "Without a description:\n" + string.Join("\n", undescribed));
        // The provider blocks (6 + 4 settings) and the three resources together have far more attributes than this;
        // a schema read as empty must not pass.
        Assert.True(attributeCount >= 50, $"only {attributeCount} attributes found in the schema");
    }

    /// <summary>
    /// Adds every attribute and nested block without a description (and the block itself, for a resource) to
    /// <paramref name="undescribed"/>; returns the number of attributes seen.
    /// </summary>
    private static int CollectUndescribed(JsonElement block, string where, List<string> undescribed, bool isResource)
    {
        if (isResource && !HasDescription(block)) undescribed.Add($"{where} (the resource itself)");
        var count = 0;
        if (block.TryGetProperty("attributes", out var attributes))
        {
            foreach (var attribute in attributes.EnumerateObject())
            {
                count++;
                if (!HasDescription(attribute.Value)) undescribed.Add($"{where}.{attribute.Name}");
                if (attribute.Value.TryGetProperty("description_kind", out var kind) && kind.GetString() != "markdown")
                    undescribed.Add($"{where}.{attribute.Name} (description_kind {kind.GetString()}, expected markdown)");
            }
        }
        if (block.TryGetProperty("block_types", out var blockTypes))
        {
            foreach (var nested in blockTypes.EnumerateObject())
            {
                var inner = nested.Value.GetProperty("block");
                if (!HasDescription(inner) && !HasDescription(nested.Value)) undescribed.Add($"{where}.{nested.Name} (block)");
                count += CollectUndescribed(inner, $"{where}.{nested.Name}", undescribed, isResource: false);
            }
        }
        return count;
    }

    private static bool HasDescription(JsonElement element) =>
        element.TryGetProperty("description", out var d) && !string.IsNullOrWhiteSpace(d.GetString());

}
