using System.Globalization;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.DataSources;

/// <summary>
/// The one rule of every look-up by name: the name matches exactly (case and spaces included), and exactly one object
/// has it. Otherwise the error, at the name's attribute, says what exists: the names there (the first
/// <see cref="NamesShown"/>, and how many more), or the ids of every object that has the name.
/// </summary>
public static class NameLookup
{
    public const int NamesShown = 20;

    /// <param name="what">What is looked up, singular: "project".</param>
    /// <param name="where">Where it was looked for: "dbt Cloud account 1".</param>
    /// <param name="attribute">The attribute holding the name.</param>
    public static T Single<T>(IReadOnlyList<T> candidates, string name, Func<T, string> nameOf, Func<T, long> idOf,
        string what, string where, string attribute = "name")
    {
        var matches = candidates.Where(c => string.Equals(nameOf(c), name, StringComparison.Ordinal)).ToArray();
        if (matches.Length == 1) return matches[0];
        var path = CtyPath.Attribute(attribute);
        if (matches.Length > 1)
        {
            var ids = string.Join(", ", matches.Select(m => idOf(m).ToString(CultureInfo.InvariantCulture)));
            throw new ResourceException($"More than one {what} named {DisplayText.Quote(name)}",
                $"{matches.Length} {what}s in {where} are named {DisplayText.Quote(name)}: ids {ids}. A name must identify one {what}: " +
                $"rename all but one of them, or use the id of the one you mean instead of this look-up.", path);
        }

        var names = candidates.Select(nameOf).Distinct(StringComparer.Ordinal).ToArray();
        var existing = names.Length == 0
            ? $"There is no {what} in {where}."
            : $"The {what}s there are named: {string.Join(", ", names.Take(NamesShown).Select(DisplayText.Quote))}" +
              (names.Length > NamesShown ? $" and {names.Length - NamesShown} more." : ".");
        throw new ResourceException($"No {what} named {DisplayText.Quote(name)}",
            $"No {what} in {where} is named {DisplayText.Quote(name)} (names match exactly, case included). {existing}", path);
    }
}
