using System.Text;
using DbtTfProvider.Framework.Provider;

namespace DbtTfProvider.DocsGenerator;

/// <summary><c>docs/data-sources/NAME.md</c>: description, example and schema of one data source type.</summary>
internal static class DataSourcePage
{
    public static string Render(ProviderPartSchema part, DataSourceTypeSchema dataSource, ExampleFiles examples)
    {
        var type = dataSource.TypeName;
        var description = Markdown.Description(dataSource.Block.Description, $"data source {type}");
        var md = new StringBuilder();
        Markdown.FrontMatter(md, $"{type} Data Source - {RegistryDocs.Namespace}", description);
        md.Append($"# {type} (Data Source)\n\n");
        md.Append(description.Replace("\n\n  ", "\n\n")).Append("\n\n");
        md.Append($"Served by the `{RegistryDocs.Address(part)}` provider; see [its configuration](../index.md#{part.Name}).\n\n");

        md.Append("## Example Usage\n\n");
        Markdown.CodeBlock(md, "terraform", examples.DataSource(type));

        md.Append("## Schema\n\n");
        new SchemaSection($"data source {type}", headingLevel: 3, groupHeadings: true).Render(md, dataSource.Block);
        return md.ToString().TrimEnd() + "\n";
    }
}
