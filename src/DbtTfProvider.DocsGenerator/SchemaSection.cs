using System.Text;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.DocsGenerator;

/// <summary>
/// A block's attributes and nested blocks as Required / Optional / Read-Only lists, then one section per nested
/// block or nested attribute (tfplugindocs' layout and anchors, so registry readers find what they expect). Members
/// and their nesting come from <see cref="SchemaShape"/>.
/// </summary>
internal sealed class SchemaSection(string owner, int headingLevel, bool groupHeadings)
{
    private readonly List<(string Anchor, CtyPath Path, SchemaBlock Block)> _nested = [];

    public void Render(StringBuilder md, SchemaBlock block)
    {
        RenderGroups(md, block, CtyPath.Root, nestedLevel: false);
        // Nested sections may add more nested sections (blocks within blocks), hence the index loop.
        for (var i = 0; i < _nested.Count; i++)
        {
            var (anchor, path, nested) = _nested[i];
            md.Append($"<a id=\"{anchor}\"></a>\n");
            md.Append(new string('#', headingLevel)).Append($" Nested Schema for `{path}`\n\n");
            RenderGroups(md, nested, path, nestedLevel: true);
        }
    }

    private void RenderGroups(StringBuilder md, SchemaBlock block, CtyPath path, bool nestedLevel)
    {
        var items = SchemaShape.Members(block, path)
            .Select(m => m.Attribute is { } a
                ? (m.Name, Group: Group(a), Line: AttributeLine(m, a))
                : (m.Name, Group: m.Block!.MinItems > 0 ? "Required" : "Optional", Line: BlockLine(m, m.Block)))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToArray();
        foreach (var group in new[] { "Required", "Optional", "Read-Only" })
        {
            var lines = items.Where(i => i.Group == group).Select(i => i.Line).ToArray();
            if (lines.Length == 0) continue;
            if (nestedLevel) md.Append(group).Append(":\n\n");
            else if (groupHeadings) md.Append(new string('#', headingLevel)).Append(' ').Append(group).Append("\n\n");
            foreach (var line in lines) md.Append(line).Append('\n');
            md.Append('\n');
        }
    }

    private static string Group(SchemaAttribute a) => a.Required || a.RequiredSetting ? "Required" : a.Optional ? "Optional" : "Read-Only";

    private string AttributeLine(SchemaMember m, SchemaAttribute a)
    {
        var qualified = m.Path.ToString();
        var where = $"{owner}: attribute {qualified}";
        var deprecation = a.Deprecation is null ? "" : $"**Deprecated:** {a.Deprecation} ";
        var line = $"- `{a.Name}` {Markdown.AttributeFlags(a)} {deprecation}{Markdown.Description(a.Description, where)}";
        if (m.Inner is not { } inner) return line;
        // A nested attribute's objects get their own section, like a block's (tfplugindocs' "nestedatt" anchors).
        var anchor = "nestedatt--" + qualified.Replace(".", "--");
        _nested.Add((anchor, m.Path, inner));
        return line + $" (see [below for nested schema](#{anchor}))";
    }

    private string BlockLine(SchemaMember m, SchemaNestedBlock b)
    {
        var qualified = m.Path.ToString();
        var anchor = "nestedblock--" + qualified.Replace(".", "--");
        _nested.Add((anchor, m.Path, b.Block));
        var kind = m.Nesting switch { SchemaNesting.Single => "Block", SchemaNesting.List => "Block List", _ => "Block Set" };
        var limits = new List<string>();
        if (b.MinItems > 0) limits.Add($"Min: {b.MinItems}");
        if (b.MaxItems > 0 && m.Nesting != SchemaNesting.Single) limits.Add($"Max: {b.MaxItems}");
        if (limits.Count == 0) limits.Add(b.MinItems > 0 ? "Required" : "Optional");
        var deprecation = b.Deprecation is null ? "" : $"**Deprecated:** {b.Deprecation} ";
        return $"- `{b.Name}` ({kind}, {string.Join(", ", limits)}) {deprecation}" +
               $"{Markdown.Description(b.Description, $"{owner}: block {qualified}")} (see [below for nested schema](#{anchor}))";
    }
}
