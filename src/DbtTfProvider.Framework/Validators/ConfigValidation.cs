using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// Runs every validator of a schema over a configuration value (which may hold unknowns), with the path of each
/// value, and warns about deprecated attributes in use. Terraform itself has already checked types and
/// required/optional, so this is only the provider's own rules.
/// </summary>
public static class ConfigValidation
{
    public static void Validate(SchemaBlock block, CtyValue config, DiagnosticList diagnostics, bool writeOnlyAllowed = true) =>
        ValidateObject(block, config, CtyPath.Root, attributesAddressable: true, writeOnlyAllowed, diagnostics);

    private static void ValidateObject(SchemaBlock block, CtyValue obj, CtyPath path, bool attributesAddressable, bool writeOnlyAllowed, DiagnosticList diagnostics)
    {
        if (!obj.IsKnown) return;
        // In a set element the path has no element step (a set has no index on the wire): Terraform then places the
        // diagnostic on the attribute when the block is the only one of its type, and on the resource otherwise.
        CtyPath PathOf(string name) => path.Attr(name);

        foreach (var a in block.Attributes)
        {
            var value = obj.GetAttribute(a.Name);
            var attrPath = PathOf(a.Name);
            if (!value.IsNull && a.Deprecation is { } message)
                diagnostics.AddAttributeWarning(attrPath, "Deprecated attribute", $"{a.Name} is deprecated: {message}");
            if (!value.IsNull && a.WriteOnly && !writeOnlyAllowed)
                diagnostics.AddAttributeError(attrPath, "Write-only attribute not supported",
                    $"{a.Name} is a write-only attribute, which this version of Terraform cannot send to providers. " +
                    "Use Terraform 1.11 or later, or the equivalent attribute that is stored in state.");
            Run(a.Validators, value, attrPath, a.Name, obj, diagnostics);
        }

        foreach (var b in block.NestedBlocks)
        {
            var value = obj.GetAttribute(b.Name);
            var blockPath = PathOf(b.Name);
            if (b.Deprecation is { } message && value.IsKnown && (b.Nesting == BlockNesting.Single || value.Elements.Count > 0))
                diagnostics.AddAttributeWarning(blockPath, "Deprecated block", $"{b.Name} is deprecated: {message}");
            Run(b.Validators, value, blockPath, b.Name, obj, diagnostics);
            if (!value.IsKnown) continue;
            switch (b.Nesting)
            {
                case BlockNesting.Single:
                    ValidateObject(b.Block, value, blockPath, attributesAddressable, writeOnlyAllowed, diagnostics);
                    break;
                case BlockNesting.List:
                    for (var i = 0; i < value.Elements.Count; i++)
                        ValidateObject(b.Block, value.Elements[i], blockPath.Index(i), attributesAddressable, writeOnlyAllowed, diagnostics);
                    break;
                default:
                    foreach (var e in value.Elements)
                        ValidateObject(b.Block, e, blockPath, attributesAddressable: false, writeOnlyAllowed, diagnostics);
                    break;
            }
        }

        foreach (var v in block.ObjectValidators)
        {
            try
            {
                v.Validate(new ObjectValidationContext { Object = obj, Path = path, AttributesAddressable = attributesAddressable, Diagnostics = diagnostics });
            }
            catch (ModelConversionException e)
            {
                diagnostics.AddAttributeError(e.Path.IsRoot || !attributesAddressable ? path : e.Path, "Invalid value", e.Message);
            }
        }
    }

    private static void Run(IReadOnlyList<IAttributeValidator> validators, CtyValue value, CtyPath path, string name, CtyValue parent, DiagnosticList diagnostics)
    {
        foreach (var v in validators)
            v.Validate(new AttributeValidationContext { Value = value, Path = path, Parent = parent, Diagnostics = diagnostics, Name = name });
    }
}
