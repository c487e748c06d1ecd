using System.Globalization;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Provider;

/// <summary>
/// Fills provider configuration attributes the user left null: first from the attribute's environment variables
/// (the first one set wins; empty counts as unset), then from its default. A configured value always wins.
/// </summary>
public static class ProviderConfigResolver
{
    public static CtyValue Resolve(SchemaBlock block, CtyValue config, Func<string, string?> environment, DiagnosticList diagnostics)
    {
        var values = new List<KeyValuePair<string, CtyValue>>();
        foreach (var a in block.Attributes)
        {
            var value = config.Type is CtyObjectType ot && ot.Attributes.ContainsKey(a.Name) ? config.GetAttribute(a.Name) : CtyValue.Null(a.Type);
            if (value.IsNull) value = FromEnvironment(a, environment, diagnostics) ?? a.Default ?? value;
            values.Add(KeyValuePair.Create(a.Name, value));
        }
        foreach (var b in block.NestedBlocks)
            values.Add(KeyValuePair.Create(b.Name, config.Type is CtyObjectType ot && ot.Attributes.ContainsKey(b.Name) ? config.GetAttribute(b.Name) : b.EmptyValue));
        return CtyValue.Object(block.ImpliedType, values);
    }

    private static CtyValue? FromEnvironment(SchemaAttribute a, Func<string, string?> environment, DiagnosticList diagnostics)
    {
        foreach (var name in a.EnvironmentVariables)
        {
            var text = environment(name);
            if (string.IsNullOrEmpty(text)) continue;
            if (a.Type == CtyType.String) return CtyValue.String(text);
            if (a.Type == CtyType.Number && CtyNumber.TryParse(text.Trim(), out var n)) return CtyValue.Number(n);
            if (a.Type == CtyType.Bool && TryParseBool(text.Trim(), out var b)) return CtyValue.Bool(b);
            diagnostics.AddAttributeError(CtyPath.Attribute(a.Name), "Invalid environment variable",
                $"{name} is used for the provider setting {a.Name}, which must be a {a.Type.FriendlyName}; the value in {name} is not one.");
            return null;
        }
        return null;
    }

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.ToLower(CultureInfo.InvariantCulture))
        {
            case "true" or "1": value = true; return true;
            case "false" or "0": value = false; return true;
            default: value = false; return false;
        }
    }
}
