using System.Globalization;
using System.Text;

namespace DbtTfProvider.Framework.Diagnostics;

/// <summary>
/// A value a user wrote, quoted into a message so that every character shows: control characters (a newline, an
/// escape sequence that would recolour the terminal), invisible format characters and spaces other than the plain
/// one (a no-break space pasted from a web page) are written as HCL escapes (<c>\n</c>, <c>\u00A0</c>), and so are
/// <c>"</c> and <c>\</c>. The quoted form is what the value looks like as an HCL string, so it can be searched for
/// in the configuration.
/// </summary>
public static class DisplayText
{
    /// <summary><paramref name="value"/> between double quotes, with the escapes above.</summary>
    public static string Quote(string value) => "\"" + Escape(value) + "\"";

    /// <summary><paramref name="value"/> with the escapes of <see cref="Quote"/>, without the quotes.</summary>
    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape)) return value;
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when Hidden(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }

    /// <summary>Whether <paramref name="value"/> holds a character that <see cref="Quote"/> would show as an escape (quotes aside).</summary>
    public static bool HasHidden(string value) => value.Any(Hidden);

    private static bool NeedsEscape(char c) => c is '"' or '\\' || Hidden(c);

    /// <summary>A character that prints as nothing, as something else, or moves the cursor.</summary>
    private static bool Hidden(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.SpaceSeparator => c != ' ',
        _ => false,
    };

    /// <summary>
    /// A whole message made safe for a terminal, whoever wrote it (a service's error text may echo a name too): every
    /// control character is escaped as in <see cref="Escape"/>, except the line breaks of a multi-line
    /// <paramref name="text"/> when <paramref name="multiline"/>. Values quoted with <see cref="Quote"/> are unchanged.
    /// </summary>
    public static string ForTerminal(string text, bool multiline)
    {
        if (!text.Any(c => char.IsControl(c) && !(multiline && c == '\n'))) return text;
        var safe = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || (multiline && c == '\n')) safe.Append(c);
            else safe.Append(Escape(c.ToString()));
        }
        return safe.ToString();
    }
}
