using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Diagnostics;

/// <summary>
/// Where a diagnostic about an attribute inside a block set goes. A set element has no path Terraform can address, so
/// the path stops at the set; but when the configuration writes the set as one block, Terraform places the path
/// <c>set.attribute</c> (no index) on that block's attribute (it descends into a block type that occurs once), which
/// points the user at the line to fix rather than at the resource. Only for sets of blocks: a nested attribute set is
/// one attribute expression, and Terraform points at it by the set's own path.
/// </summary>
public static class SetBlockPaths
{
    public static CtyPath AttributeOf(CtyPath setPath, int blocksWritten, string attribute) =>
        blocksWritten == 1 ? setPath.Attr(attribute) : setPath;
}
