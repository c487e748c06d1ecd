using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>dbt Cloud's envelope, for every answer with a body, successes and errors alike.</summary>
internal static class DbtResponses
{
    public const string ValidationMessage = "The request was invalid. Please double check the provided data and try again.";

    public static JsonObject Envelope(int code, string userMessage, JsonNode? data, JsonObject? extra = null, string developerMessage = "")
    {
        var envelope = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["code"] = code,
                ["is_success"] = code is >= 200 and < 300,
                ["user_message"] = userMessage,
                ["developer_message"] = developerMessage,
            },
            ["data"] = data,
        };
        if (extra is not null)
        {
            envelope["extra"] = extra;
        }
        return envelope;
    }

    public static IResult Ok(JsonNode? data, int code = 200) => new JsonNodeResult(code, Envelope(code, "Success!", data));

    public static IResult Page(IReadOnlyList<JsonNode> all, Paging paging, JsonObject filters, string orderBy = "id")
    {
        var page = all.Skip(paging.Offset).Take(paging.Limit).Select(n => n.DeepClone()).ToArray();
        filters["offset"] = paging.Offset;
        filters["limit"] = paging.Limit;
        var extra = new JsonObject
        {
            ["filters"] = filters,
            ["order_by"] = orderBy,
            ["pagination"] = new JsonObject { ["count"] = page.Length, ["total_count"] = all.Count },
        };
        return new JsonNodeResult(200, Envelope(200, "Success!", new JsonArray(page), extra));
    }

    public static IResult Error(int code, string userMessage, JsonNode? data = null) =>
        new JsonNodeResult(code, Envelope(code, userMessage, data));

    public static IResult NotFound(string what) =>
        Error(404, $"{what} was not found, or this token does not have permission to access it.");

    /// <summary>A 400 whose data mirrors the request shape with the reason at each offending field.</summary>
    public static IResult Invalid(IReadOnlyList<FieldError> errors, string? userMessage = null) =>
        Error(400, userMessage ?? ValidationMessage, FieldMap(errors));

    /// <summary>A business-rule 400: the reason is the user message; the data still points at the field.</summary>
    public static IResult RuleBroken(IReadOnlyList<FieldError> errors) =>
        Invalid(errors, string.Join(" ", errors.Select(e => e.Message)));

    /// <summary>
    /// A 400 for properties outside the schema: dbt Cloud puts jsonschema's sentence in <c>data</c> as a plain string,
    /// e.g. "Additional properties are not allowed ('limit' was unexpected)".
    /// </summary>
    public static IResult UnexpectedProperties(IReadOnlyList<string> names) =>
        Error(400, ValidationMessage, JsonValue.Create(names.Count == 1
            ? $"Additional properties are not allowed ('{names[0]}' was unexpected)"
            : $"Additional properties are not allowed ({string.Join(", ", names.Select(n => $"'{n}'"))} were unexpected)"));

    public static IResult InvalidField(string field, string reason) =>
        Error(400, ValidationMessage, new JsonObject { [field] = reason });

    /// <summary>Nested objects for keys and arrays (padded with null) for list indexes, as the request was shaped.</summary>
    public static JsonNode? FieldMap(IReadOnlyList<FieldError> errors)
    {
        JsonNode? root = null;
        foreach (var error in errors)
        {
            root = Insert(root, error.Path, 0, error.Message);
        }
        return root;
    }

    private static JsonNode Insert(JsonNode? node, IReadOnlyList<object> path, int depth, string message)
    {
        if (depth == path.Count)
        {
            return node ?? JsonValue.Create(message);
        }
        if (path[depth] is int index)
        {
            var array = node as JsonArray ?? [];
            while (array.Count <= index)
            {
                array.Add(null);
            }
            var existing = array[index];
            var updated = Insert(existing, path, depth + 1, message);
            if (!ReferenceEquals(existing, updated))
            {
                array[index] = updated;
            }
            return array;
        }
        var obj = node as JsonObject ?? [];
        var key = (string)path[depth];
        var child = obj[key];
        var replaced = Insert(child, path, depth + 1, message);
        if (!ReferenceEquals(child, replaced))
        {
            obj[key] = replaced;
        }
        return obj;
    }
}
