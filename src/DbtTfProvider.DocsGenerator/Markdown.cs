using System.Text;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.DocsGenerator;

/// <summary>Markdown pieces shared by the pages, in the style of HashiCorp's tfplugindocs so the registry renders them familiarly.</summary>
internal static class Markdown
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public const string WriteOnlyLink = "https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments";

    /// <summary>Front matter with the page title and a one-paragraph description.</summary>
    public static void FrontMatter(StringBuilder md, string pageTitle, string description)
    {
        md.Append("---\n");
        md.Append($"page_title: \"{pageTitle}\"\n");
        md.Append("subcategory: \"\"\n");
        md.Append("description: |-\n");
        foreach (var line in FirstParagraph(description).Split('\n')) md.Append("  ").Append(line).Append('\n');
        md.Append("---\n\n");
    }

    public static void CodeBlock(StringBuilder md, string language, string code) =>
        md.Append("```").Append(language).Append('\n').Append(code).Append("\n```\n\n");

    public static string FirstParagraph(string text) => text.Split("\n\n")[0].Trim();

    /// <summary>tfplugindocs' type names: String, Number, Boolean, List of String, ...</summary>
    public static string TypeName(CtyType type) => type switch
    {
        CtyPrimitiveType { Kind: CtyPrimitiveKind.String } => "String",
        CtyPrimitiveType { Kind: CtyPrimitiveKind.Number } => "Number",
        CtyPrimitiveType { Kind: CtyPrimitiveKind.Bool } => "Boolean",
        CtyListType list => "List of " + TypeName(list.Element),
        CtySetType set => "Set of " + TypeName(set.Element),
        CtyMapType map => "Map of " + TypeName(map.Element),
        CtyObjectType => "Object",
        CtyTupleType => "Tuple",
        _ => "Dynamic",
    };

    /// <summary>tfplugindocs' names of nested attributes: Attributes, Attributes List, ...</summary>
    public static string NestedTypeName(AttributeNesting nesting) => nesting switch
    {
        AttributeNesting.Single => "Attributes",
        AttributeNesting.List => "Attributes List",
        AttributeNesting.Set => "Attributes Set",
        _ => "Attributes Map",
    };

    /// <summary>A default as it would be written in HCL (JSON is valid HCL for every value a default can be).</summary>
    public static string DefaultValue(SchemaAttribute attribute) =>
        Utf8.GetString(CtyJson.Encode(attribute.Default!, attribute.Type));

    /// <summary>"(String, Sensitive, Default: `"x"`)": the type and every flag a user must know about.</summary>
    public static string AttributeFlags(SchemaAttribute a)
    {
        var flags = new List<string> { a.NestedType is { } nested ? NestedTypeName(nested.Nesting) : TypeName(a.Type) };
        if (a.Sensitive) flags.Add("Sensitive");
        if (a.WriteOnly) flags.Add($"[Write-only]({WriteOnlyLink})");
        if (a.Deprecation is not null) flags.Add("Deprecated");
        if (a.Default is not null) flags.Add($"Default: `{DefaultValue(a)}`");
        return "(" + string.Join(", ", flags) + ")";
    }

    public static string Description(string? text, string owner)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DocsException($"{owner} has no description: every attribute, block and resource needs one.");
        // Later paragraphs stay inside the list item.
        return text.Trim().Replace("\n\n", "\n\n  ");
    }
}
