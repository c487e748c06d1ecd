using System.Text;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DocsGenerator;

/// <summary><c>docs/index.md</c>: what the providers are for, both addresses, the example and every setting.</summary>
internal static class IndexPage
{
    private const string Overview =
        "Terraform resources for the **Datafold + dbt Cloud CI setup**. Datafold diffs the data changed by each dbt pull " +
        "request; to do so it needs, in dbt Cloud, a service token (permission set `member`) and a job that produces the " +
        "production artifacts (`manifest.json`), and in Datafold a dbt Cloud CI integration that uses both. With these " +
        "resources `terraform apply` creates that setup and `terraform plan` reports drift when someone changes it by hand.";

    private const string Addresses =
        "One executable serves two provider addresses, so that each resource type resolves to its natural provider name " +
        "without `provider =` arguments: installed as `terraform-provider-dbtcloud` it is `dbt-tf/dbtcloud`, as " +
        "`terraform-provider-datafold` it is `dbt-tf/datafold`. Declare both in `required_providers`.";

    public static string Render(IReadOnlyList<ProviderPartSchema> parts, ExampleFiles examples)
    {
        var md = new StringBuilder();
        Markdown.FrontMatter(md, $"{RegistryDocs.Namespace} Provider", Overview);
        md.Append($"# {RegistryDocs.Namespace} Provider\n\n");
        md.Append(Overview).Append("\n\n").Append(Addresses).Append("\n\n");

        md.Append("| Provider address | Resources | Data sources |\n| --- | --- | --- |\n");
        foreach (var part in parts)
        {
            var links = part.Resources.OrderBy(r => r.TypeName, StringComparer.Ordinal)
                .Select(r => $"[`{r.TypeName}`](resources/{RegistryDocs.PageName(part, r)}.md)");
            var dataLinks = part.DataSources.OrderBy(d => d.TypeName, StringComparer.Ordinal)
                .Select(d => $"[`{d.TypeName}`](data-sources/{RegistryDocs.PageName(part, d.TypeName)}.md)");
            md.Append($"| `{RegistryDocs.Address(part)}` | {string.Join(", ", links)} | {string.Join(", ", dataLinks)} |\n");
        }
        md.Append('\n');

        md.Append("## Example Usage\n\n");
        Markdown.CodeBlock(md, "terraform", examples.Provider());

        md.Append("## Configuration\n\n");
        md.Append("Every setting may be left out of the provider block and come from its environment variable instead, which " +
                  "keeps credentials out of the configuration. A setting in the block wins over the environment.\n\n");
        foreach (var part in parts)
        {
            md.Append($"<a id=\"{part.Name}\"></a>\n");
            md.Append($"### `{part.Name}` (`{RegistryDocs.Address(part)}`)\n\n");
            md.Append(Markdown.Description(part.Config.Description, $"provider {part.Name}").Replace("\n\n  ", "\n\n")).Append("\n\n");
            SettingsTable(md, part.Config);
            new SchemaSection($"provider {part.Name}", headingLevel: 4, groupHeadings: true).Render(md, part.Config);
        }
        return md.ToString().TrimEnd() + "\n";
    }

    private static void SettingsTable(StringBuilder md, SchemaBlock config)
    {
        md.Append("| Setting | Required | Type | Environment variable | Default |\n| --- | --- | --- | --- | --- |\n");
        foreach (var a in config.Attributes)
        {
            var required = a.Required ? "yes" : a.RequiredSetting ? "yes (here or in the environment)" : "no";
            var type = Markdown.TypeName(a.Type) + (a.Sensitive ? ", sensitive" : "");
            var env = a.EnvironmentVariables.Count == 0 ? "" : string.Join(", then ", a.EnvironmentVariables.Select(e => $"`{e}`"));
            var fallback = a.Default is null ? "" : $"`{Markdown.DefaultValue(a)}`";
            md.Append($"| `{a.Name}` | {required} | {type} | {env} | {fallback} |\n");
        }
        md.Append('\n');
    }
}
