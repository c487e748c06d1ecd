using System.Text.RegularExpressions;

namespace DbtTfProvider.DocsGenerator;

/// <summary>
/// The example files the pages quote: <c>examples/provider/provider.tf</c>, <c>examples/resources/TYPE/*</c> and
/// <c>examples/data-sources/TYPE/data-source.tf</c>.
/// </summary>
public sealed partial class ExampleFiles(string repositoryRoot)
{
    public string Provider() => Read("examples/provider/provider.tf");

    public string Resource(string typeName) => Read($"examples/resources/{typeName}/resource.tf");

    public string DataSource(string typeName) => Read($"examples/data-sources/{typeName}/data-source.tf");

    public string? ImportScript(string typeName) =>
        File.Exists(PathOf($"examples/resources/{typeName}/import.sh")) ? Read($"examples/resources/{typeName}/import.sh") : null;

    /// <summary>The address and id of the first <c>terraform import ADDRESS ID</c> line of an import script.</summary>
    public static (string Address, string Id) ImportCommand(string script, string typeName)
    {
        foreach (var line in script.Split('\n'))
        {
            var match = ImportLine().Match(line.Trim());
            if (match.Success && match.Groups["address"].Value.StartsWith(typeName + ".", StringComparison.Ordinal))
                return (match.Groups["address"].Value, match.Groups["id"].Value.Trim('"', '\''));
        }
        throw new DocsException($"examples/resources/{typeName}/import.sh has no line `terraform import {typeName}.NAME ID`.");
    }

    private string Read(string relativePath)
    {
        var path = PathOf(relativePath);
        if (!File.Exists(path)) throw new DocsException($"{relativePath} is missing: the docs quote it.");
        // The same bytes whatever the checkout's line endings or trailing blank lines.
        return File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd();
    }

    private string PathOf(string relativePath) => Path.Combine(repositoryRoot, relativePath);

    [GeneratedRegex(@"^terraform import (?<address>\S+) (?<id>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ImportLine();
}
