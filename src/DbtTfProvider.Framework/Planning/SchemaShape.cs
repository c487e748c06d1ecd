using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>
/// The one walk of a schema's shape (no values): attributes, nested attributes (single, list, set, map) and nested
/// blocks (single, list, set). The wire schema, API field paths and the docs use it, so a new nesting kind is taught
/// here and in <see cref="SchemaWalker"/> (which walks values) only.
/// </summary>
public static class SchemaShape
{
    /// <summary>A block's own members, attributes first then blocks, each in declaration order.</summary>
    public static IEnumerable<SchemaMember> Members(SchemaBlock block, CtyPath path) =>
        block.Attributes.Select(a => new SchemaMember(path.Attr(a.Name), block, a, null))
            .Concat(block.NestedBlocks.Select(b => new SchemaMember(path.Attr(b.Name), block, null, b)));

    /// <summary>
    /// Folds the schema bottom-up: <paramref name="onMember"/> gets each member with the results for the members of
    /// its inner object (empty for a plain attribute), in <see cref="Members"/> order.
    /// </summary>
    public static IReadOnlyList<T> Fold<T>(SchemaBlock block, Func<SchemaMember, IReadOnlyList<T>, T> onMember) =>
        Fold(block, CtyPath.Root, onMember);

    private static T[] Fold<T>(SchemaBlock block, CtyPath path, Func<SchemaMember, IReadOnlyList<T>, T> onMember) =>
        Members(block, path)
            .Select(m => onMember(m, m.Inner is { } inner ? Fold(inner, m.Path, onMember) : []))
            .ToArray();

    /// <summary>Every member, depth first (a member before the members inside it).</summary>
    public static IEnumerable<SchemaMember> All(SchemaBlock block) =>
        Fold<IEnumerable<SchemaMember>>(block, (m, inside) => inside.SelectMany(x => x).Prepend(m)).SelectMany(x => x);
}
