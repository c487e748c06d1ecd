using System.Text.Json;
using DbtTfProvider.Http;

namespace DbtTfProvider.DbtCloud;

/// <summary>
/// Turns dbt Cloud's 400 <c>data</c> into (path, reason) pairs. It comes in three shapes: the request mirrored with the
/// reason at the offending field; a plain string (e.g. "Additional properties are not allowed ('limit' was
/// unexpected)"); or an object with a <c>_model</c> key, whose reasons are about the body as a whole. The last two
/// become reasons without a path, so they are kept in the message but never mapped to an attribute.
/// </summary>
internal static class FieldErrorMap
{
    /// <summary>The key under which dbt Cloud puts reasons about the whole request body.</summary>
    public const string ModelKey = "_model";

    public static void Flatten(JsonElement data, List<ApiFieldError> into) => Walk(data, [], into);

    private static void Walk(JsonElement element, List<string> path, List<ApiFieldError> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var modelLevel = path.Count == 0 && property.Name == ModelKey;
                    if (!modelLevel) path.Add(property.Name);
                    Walk(property.Value, path, into);
                    if (!modelLevel) path.RemoveAt(path.Count - 1);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    // ["reason", ...] is a list of reasons for this field; anything else is an indexed element.
                    if (item.ValueKind == JsonValueKind.String)
                        Walk(item, path, into);
                    else
                    {
                        path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        Walk(item, path, into);
                        path.RemoveAt(path.Count - 1);
                    }
                    index++;
                }
                break;
            case JsonValueKind.String when element.GetString() is { Length: > 0 } message:
                into.Add(new ApiFieldError([.. path], message));
                break;
        }
    }
}
