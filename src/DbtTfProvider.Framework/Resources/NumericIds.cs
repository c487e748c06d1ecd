using System.Globalization;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// Objects whose API id is a positive number keep it in Terraform's string <c>id</c> attribute, by convention: one place
/// for both directions, so every resource reads and writes it alike.
/// </summary>
public static class NumericIds
{
    public static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>The API id of an object in state; a non-number there means the state file was edited by hand.</summary>
    public static long FromState(TfString id, string typeName) => TryParse(id.ValueOrNull, out var value)
        ? value
        : throw new ResourceException("Invalid id in state",
            $"The id \"{id}\" of this {typeName} in state is not a number; remove it from state (terraform state rm) and import it again.",
            CtyPath.Attribute("id"));
}
