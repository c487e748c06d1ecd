using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// Runs every validator of a schema over a configuration value (which may hold unknowns), with the path of each
/// value (along <see cref="SchemaWalker"/>, so nested attributes and blocks alike), and warns about deprecated
/// attributes in use. Terraform itself has already checked types and
/// required/optional, so this is only the provider's own rules.
/// </summary>
public static class ConfigValidation
{
    public static void Validate(SchemaBlock block, CtyValue config, DiagnosticList diagnostics, bool writeOnlyAllowed = true)
    {
        var none = CtyValue.Null(block.ImpliedType);
        SchemaWalker.Walk(block, config, none, none,
            (a, w) =>
            {
                var value = w.Planned;
                if (!value.IsNull && a.Deprecation is { } message)
                    diagnostics.AddAttributeWarning(w.Path, "Deprecated attribute", $"{a.Name} is deprecated: {message}");
                if (!value.IsNull && a.WriteOnly && !writeOnlyAllowed)
                    diagnostics.AddAttributeError(w.Path, "Write-only attribute not supported",
                        $"{a.Name} is a write-only attribute, which this version of Terraform cannot send to providers. " +
                        "Use Terraform 1.11 or later, or the equivalent attribute that is stored in state.");
                Run(a.Validators, value, w.InsideSet ? InOnlyBlockOfSet(block, config, w.Path, a.Name) : w.Path, a.Name, w.Object, diagnostics);
                return value;
            },
            (b, w) =>
            {
                var value = w.Planned;
                if (b.Deprecation is { } message && value.IsKnown && (b.Nesting == BlockNesting.Single || value.Elements.Count > 0))
                    diagnostics.AddAttributeWarning(w.Path, "Deprecated block", $"{b.Name} is deprecated: {message}");
                Run(b.Validators, value, w.Path, b.Name, w.Object, diagnostics);
                return value;
            },
            (objectBlock, w) =>
            {
                var addressable = !w.InsideSet;
                foreach (var v in objectBlock.ObjectValidators)
                {
                    try
                    {
                        v.Validate(new ObjectValidationContext { Object = w.Planned, Path = w.Path, AttributesAddressable = addressable, Diagnostics = diagnostics });
                    }
                    catch (ModelConversionException e)
                    {
                        diagnostics.AddAttributeError(e.Path.IsRoot || !addressable ? w.Path : e.Path, "Invalid value", e.Message);
                    }
                }
            },
            pairSetElements: false);
    }

    /// <summary>The block set at <paramref name="setPath"/> as written, for <see cref="SetBlockPaths"/>; any other set keeps its path.</summary>
    private static CtyPath InOnlyBlockOfSet(SchemaBlock root, CtyValue config, CtyPath setPath, string attribute)
    {
        var schema = root;
        var value = config;
        SchemaNestedBlock? last = null;
        foreach (var step in setPath.Steps)
        {
            // Only single blocks lead to a set of blocks; anything else (an index, a nested attribute) keeps the set's path.
            if (last is { Nesting: not BlockNesting.Single } || step is not CtyAttributeStep { Name: var name } || !value.IsKnown || value.IsNull)
                return setPath;
            last = schema.NestedBlocks.FirstOrDefault(b => b.Name == name);
            if (last is null) return setPath;
            value = value.GetAttribute(name);
            schema = last.Block;
        }
        return last is { Nesting: BlockNesting.Set } && value.IsKnown && !value.IsNull
            ? SetBlockPaths.AttributeOf(setPath, value.Elements.Count, attribute)
            : setPath;
    }

    private static void Run(IReadOnlyList<IAttributeValidator> validators, CtyValue value, CtyPath path, string name, CtyValue parent, DiagnosticList diagnostics)
    {
        foreach (var v in validators)
            v.Validate(new AttributeValidationContext { Value = value, Path = path, Parent = parent, Diagnostics = diagnostics, Name = name });
    }
}
