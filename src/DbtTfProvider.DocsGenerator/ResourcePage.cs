using System.Text;
using DbtTfProvider.Framework.Provider;

namespace DbtTfProvider.DocsGenerator;

/// <summary><c>docs/resources/NAME.md</c>: description, example, schema and import of one resource type.</summary>
internal static class ResourcePage
{
    public static string Render(ProviderPartSchema part, ResourceTypeSchema resource, ExampleFiles examples)
    {
        var type = resource.TypeName;
        var md = TypePage.Begin(part, "Resource", type, resource.Block, examples.Resource(type));

        var script = examples.ImportScript(type);
        if (resource.SupportsImport)
        {
            if (script is null) throw new DocsException($"examples/resources/{type}/import.sh is missing: {type} supports import.");
            var (address, id) = ExampleFiles.ImportCommand(script, type);
            md.Append("## Import\n\n");
            md.Append("Import is supported using the following syntax:\n\n");
            md.Append($"In Terraform v1.5.0 and later, use an [`import` block](https://developer.hashicorp.com/terraform/language/import) to import `{type}` using its id. For example:\n\n");
            Markdown.CodeBlock(md, "terraform", $"import {{\n  to = {address}\n  id = \"{id}\"\n}}");
            md.Append("`terraform plan -generate-config-out=generated.tf` then writes its configuration for you.\n\n");
            md.Append("The [`terraform import` command](https://developer.hashicorp.com/terraform/cli/commands/import) can also be used, for example:\n\n");
            Markdown.CodeBlock(md, "shell", script);
        }
        else if (script is not null)
        {
            throw new DocsException($"examples/resources/{type}/import.sh exists, but {type} does not support import.");
        }
        return md.ToString().TrimEnd() + "\n";
    }
}
