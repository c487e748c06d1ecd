using DbtTfProvider.Framework.Provider;

namespace DbtTfProvider.DocsGenerator;

/// <summary>
/// The provider's documentation in the Terraform Registry layout (<c>index.md</c>, <c>resources/NAME.md</c>,
/// <c>data-sources/NAME.md</c>), built
/// from the schemas the provider itself serves and from the files under <c>examples/</c>. The output depends on
/// nothing else (no clock, no machine), so a second run writes the same bytes.
/// </summary>
public static class RegistryDocs
{
    /// <summary>The registry namespace both provider addresses live in.</summary>
    public const string Namespace = "dbt-tf";

    public static IReadOnlyList<DocPage> Render(string repositoryRoot)
    {
        var parts = ProviderSchemas.Describe(DbtTfProviderDefinition.Create());
        var examples = new ExampleFiles(repositoryRoot);
        var pages = new List<DocPage> { new("index.md", IndexPage.Render(parts, examples)) };
        foreach (var part in parts)
        {
            foreach (var resource in part.Resources.OrderBy(r => r.TypeName, StringComparer.Ordinal))
                pages.Add(new($"resources/{PageName(part, resource)}.md", ResourcePage.Render(part, resource, examples)));
            foreach (var dataSource in part.DataSources.OrderBy(d => d.TypeName, StringComparer.Ordinal))
                pages.Add(new($"data-sources/{PageName(part, dataSource.TypeName)}.md", DataSourcePage.Render(part, dataSource, examples)));
        }
        return pages;
    }

    /// <summary>
    /// Writes every page under <paramref name="outputDirectory"/> and removes resource and data source pages that no
    /// type produces any more. Returns the pages written.
    /// </summary>
    public static IReadOnlyList<DocPage> Write(string repositoryRoot, string outputDirectory)
    {
        var pages = Render(repositoryRoot);
        var expected = pages.Select(p => Path.GetFullPath(Path.Combine(outputDirectory, p.RelativePath))).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in new[] { "resources", "data-sources" })
        {
            var directory = Path.Combine(outputDirectory, kind);
            Directory.CreateDirectory(directory);
            foreach (var stale in Directory.EnumerateFiles(directory, "*.md").Where(f => !expected.Contains(Path.GetFullPath(f))))
                File.Delete(stale);
        }
        foreach (var page in pages)
        {
            var path = Path.Combine(outputDirectory, page.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, page.Content, Markdown.Utf8);
        }
        return pages;
    }

    /// <summary>The registry's page name: the resource type without its provider's prefix (<c>service_token</c>).</summary>
    public static string PageName(ProviderPartSchema part, ResourceTypeSchema resource) => PageName(part, resource.TypeName);

    /// <summary>The registry's page name of a resource or data source type: without its provider's prefix.</summary>
    public static string PageName(ProviderPartSchema part, string typeName) => typeName[(part.Name.Length + 1)..];

    /// <summary>"dbt-tf/dbtcloud".</summary>
    public static string Address(ProviderPartSchema part) => $"{Namespace}/{part.Name}";

    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DbtTfProvider.sln"))) return dir.FullName;
        }
        throw new DocsException($"no DbtTfProvider.sln above {start}: pass the repository root as the first argument.");
    }
}
