using System.Text;
using System.Text.RegularExpressions;
using DbtTfProvider.DocsGenerator;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Docs.Tests;

/// <summary>
/// What Terraform and the docs show of a schema: every description Terraform receives states a default and an
/// environment variable once, and nested attributes get their own sections in the docs.
/// </summary>
public sealed class SchemaDescriptionTests
{
    private static readonly IReadOnlyList<ProviderPartSchema> Parts = ProviderSchemas.Describe(DbtTfProviderDefinition.Create());

    public static TheoryData<string> Schemas() => [.. Parts.SelectMany(p => p.Resources.Select(r => r.TypeName).Prepend($"provider {p.Name}"))];

    private static SchemaBlock Block(string schema) =>
        Parts.Select(p => $"provider {p.Name}" == schema ? p.Config : p.Resources.FirstOrDefault(r => r.TypeName == schema)?.Block).First(b => b is not null)!;

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_description_terraform_receives_states_a_default_and_an_environment_variable_once(string schema)
    {
        var block = Block(schema);
        var wire = WireConversions.ToWire(block, 0).Block.Attributes.ToDictionary(a => a.Name);
        Assert.NotEmpty(wire);
        foreach (var a in block.Attributes)
        {
            var text = wire[a.Name].Description;
            Assert.True(Regex.Count(text, "Defaults? to|Default:", RegexOptions.IgnoreCase) <= 1, $"{schema}.{a.Name} states its default twice: {text}");
            if (a.Default is { } d)
            {
                var handWritten = a.Description ?? "";
                Assert.True(StatesDefault(text, d), $"{schema}.{a.Name} does not state its default: {text}");
                if (StatesDefault(handWritten, d))
                    Assert.True(text.Length == handWritten.Length || !text[handWritten.Length..].Contains("Defaults to", StringComparison.Ordinal),
                        $"{schema}.{a.Name} says its default in the description, and again after it: {text}");
            }
            foreach (var variable in a.EnvironmentVariables)
                Assert.True(Occurrences(text, variable) == 1, $"{schema}.{a.Name} should name {variable} once: {text}");
        }
    }

    /// <summary>"Defaults to …", "(the default)", or a text default's value itself ("falls back to `https://…`").</summary>
    private static bool StatesDefault(string text, CtyValue d) =>
        text.Contains("default", StringComparison.OrdinalIgnoreCase) || d.Type.Equals(CtyType.String) && d.AsString() is { Length: > 0 } v && text.Contains(v, StringComparison.Ordinal);

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public void A_hand_written_default_is_not_repeated_and_a_missing_one_is_added()
    {
        var block = ProviderSchemas.Describe(new ProviderDefinition(NestedDocsResource.Part())).Single().Resources.Single().Block;
        var wire = WireConversions.ToWire(block, 0).Block.Attributes.ToDictionary(a => a.Name);
        Assert.Equal("The colour. Defaults to `\"blue\"`.", wire["colour"].Description);
        Assert.Equal("The size; `3` unless set (the default).", wire["size"].Description);
    }

    [Fact]
    public void Nested_attributes_get_a_section_each_with_their_nesting_mode()
    {
        var block = ProviderSchemas.Describe(new ProviderDefinition(NestedDocsResource.Part())).Single().Resources.Single().Block;
        var md = new StringBuilder();
        new SchemaSection("resource test_docs", headingLevel: 3, groupHeadings: true).Render(md, block);
        var text = md.ToString();

        Assert.Contains("- `owner` (Attributes) Who owns it. (see [below for nested schema](#nestedatt--owner))", text);
        Assert.Contains("- `steps` (Attributes List) The steps. (see [below for nested schema](#nestedatt--steps))", text);
        Assert.Contains("- `grants` (Attributes Set) The grants. (see [below for nested schema](#nestedatt--grants))", text);
        Assert.Contains("- `labels` (Attributes Map) The labels. (see [below for nested schema](#nestedatt--labels))", text);
        Assert.Contains("<a id=\"nestedatt--owner\"></a>\n### Nested Schema for `owner`\n\nRequired:\n\n- `name` (String) The owner's name.", text);
        Assert.Contains("<a id=\"nestedatt--labels\"></a>\n### Nested Schema for `labels`\n\nRequired:\n\n- `value` (String) The label.", text);
        Assert.Contains("- `note` (Block List, Optional) A note. (see [below for nested schema](#nestedblock--note))", text);
    }

    [Fact]
    public void The_wire_schema_the_docs_and_api_field_paths_agree_on_every_path()
    {
        var block = ProviderSchemas.Describe(new ProviderDefinition(NestedDocsResource.Part())).Single().Resources.Single().Block;
        var shape = SchemaShape.All(block).Select(m => m.Path.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("labels.value", shape);
        Assert.Contains("note.value", shape);

        Assert.Equal(shape, WirePaths(WireConversions.ToWire(block, 0).Block, "").Order(StringComparer.Ordinal));
        Assert.Equal(shape, DocsPaths(block).Order(StringComparer.Ordinal));
        // An API field name follows single nestings only: a field inside a list, set or map names the whole member.
        foreach (var m in SchemaShape.All(block))
        {
            var expected = m.Path.ToString().Split('.');
            var steps = 1;
            for (var inner = block; steps < expected.Length; steps++)
            {
                var member = SchemaShape.Members(inner, CtyPath.Root).Single(x => x.Name == expected[steps - 1]);
                if (member.Nesting != SchemaNesting.Single) break;
                inner = member.Inner!;
            }
            Assert.Equal(string.Join('.', expected[..steps]), block.PathForApiField(m.Path.ToString())?.ToString());
        }
    }

    private static IEnumerable<string> WirePaths(Tfplugin6.Schema.Types.Block wire, string prefix) =>
        wire.Attributes.SelectMany(a => WirePaths(a, prefix))
            .Concat(wire.BlockTypes.SelectMany(b => WirePaths(b.Block, prefix + b.TypeName + ".").Prepend(prefix + b.TypeName)));

    private static IEnumerable<string> WirePaths(Tfplugin6.Schema.Types.Attribute a, string prefix) =>
        (a.NestedType?.Attributes.SelectMany(inner => WirePaths(inner, prefix + a.Name + ".")) ?? []).Prepend(prefix + a.Name);

    /// <summary>Every member the docs list: top-level lines, and each nested section's lines under its path.</summary>
    private static IEnumerable<string> DocsPaths(SchemaBlock block)
    {
        var md = new StringBuilder();
        new SchemaSection("resource test_docs", headingLevel: 3, groupHeadings: true).Render(md, block);
        var prefix = "";
        foreach (var line in md.ToString().Split('\n'))
        {
            if (Regex.Match(line, "^#+ Nested Schema for `([^`]+)`") is { Success: true } section) prefix = section.Groups[1].Value + ".";
            else if (Regex.Match(line, "^- `([^`]+)`") is { Success: true } item) yield return prefix + item.Groups[1].Value;
        }
    }
}
