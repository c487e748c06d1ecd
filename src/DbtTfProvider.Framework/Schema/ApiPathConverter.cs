using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// An attribute kept as one JSON value at a dotted path of the API object (<c>settings.threads</c>): a string, number or
/// bool, or an array of them for a list or set. Null and a missing field both read as null.
/// </summary>
public sealed class ApiPathConverter(string path) : IApiFieldConverter
{
    private readonly string[] _parts = path.Split('.');

    public string Path { get; } = path;

    public void Write(CtyValue value, JsonObject apiObject)
    {
        var parent = apiObject;
        foreach (var part in _parts[..^1])
        {
            if (parent[part] is not JsonObject next) parent[part] = next = new JsonObject();
            parent = next;
        }
        parent[_parts[^1]] = ToJson(value);
    }

    public CtyValue Read(JsonObject apiObject, CtyType type)
    {
        JsonNode? node = apiObject;
        foreach (var part in _parts) node = (node as JsonObject)?[part];
        return FromJson(node, type, Path);
    }

    private static JsonNode? ToJson(CtyValue value)
    {
        if (value.IsNull) return null;
        if (!value.IsKnown) throw new ArgumentException("an unknown value cannot be sent", nameof(value));
        return value.Type switch
        {
            _ when value.Type.Equals(CtyType.String) => JsonValue.Create(value.AsString()),
            _ when value.Type.Equals(CtyType.Bool) => JsonValue.Create(value.AsBool()),
            // Exact: the number's own decimal text, parsed as a JSON number.
            _ when value.Type.Equals(CtyType.Number) => JsonNode.Parse(value.AsNumber().ToString()),
            CtyListType or CtySetType => new JsonArray([.. value.Elements.Select(ToJson)]),
            _ => throw new NotSupportedException($"a value of type {value.Type} has no JSON form here; give the attribute an ApiConverter"),
        };
    }

    private static CtyValue FromJson(JsonNode? node, CtyType type, string path)
    {
        if (node is null) return CtyValue.Null(type);
        var kind = node.GetValueKind();
        if (type.Equals(CtyType.String) && kind == JsonValueKind.String) return CtyValue.String(node.GetValue<string>());
        if (type.Equals(CtyType.Bool) && kind is JsonValueKind.True or JsonValueKind.False) return CtyValue.Bool(kind == JsonValueKind.True);
        if (type.Equals(CtyType.Number) && kind == JsonValueKind.Number)
            return CtyValue.Number(CtyNumber.Parse(node.ToJsonString()));
        if (type is CtyListType list && node is JsonArray items) return CtyValue.List(list.Element, items.Select(e => FromJson(e, list.Element, path)));
        if (type is CtySetType set && node is JsonArray members) return CtyValue.Set(set.Element, members.Select(e => FromJson(e, set.Element, path)));
        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the service's \"{path}\" is {kind}, not a {type.FriendlyName}"));
    }
}
