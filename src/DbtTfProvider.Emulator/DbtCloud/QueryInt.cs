using System.Globalization;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>An optional integer query parameter; anything else is a 400 at that parameter.</summary>
internal static class QueryInt
{
    public static bool TryRead(HttpRequest request, string name, out int? value, out IResult? error)
    {
        value = null;
        error = null;
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return true;
        }
        if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        error = DbtResponses.InvalidField(name, DbtFieldMessages.Instance.WrongType(JsonKind.Integer).Message);
        return false;
    }
}
