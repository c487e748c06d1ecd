using System.Text;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DocsGenerator;

/// <summary>What a resource page and a data source page share: front matter, description, example and schema.</summary>
internal static class TypePage
{
    /// <param name="kind">"Resource" or "Data Source", as the registry titles pages.</param>
    public static StringBuilder Begin(ProviderPartSchema part, string kind, string type, SchemaBlock block, string example)
    {
        var context = $"{kind.ToLowerInvariant()} {type}";
        var description = Markdown.Description(block.Description, context);
        var md = new StringBuilder();
        Markdown.FrontMatter(md, $"{type} {kind} - {RegistryDocs.Namespace}", description);
        md.Append($"# {type} ({kind})\n\n");
        md.Append(description.Replace("\n\n  ", "\n\n")).Append("\n\n");
        md.Append($"Served by the `{RegistryDocs.Address(part)}` provider; see [its configuration](../index.md#{part.Name}).\n\n");

        md.Append("## Example Usage\n\n");
        Markdown.CodeBlock(md, "terraform", example);

        md.Append("## Schema\n\n");
        new SchemaSection(context, headingLevel: 3, groupHeadings: true).Render(md, block);
        return md;
    }
}
