using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Json;

/// <summary>
/// Reads a request body field by field with strict JSON types, collecting every failure with its path (as the real
/// services report all of them at once) instead of stopping at the first.
/// </summary>
internal sealed class FieldReader(IFieldMessages messages)
{
    public List<FieldError> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public IFieldMessages Messages => messages;

    public void Add(IReadOnlyList<object> path, (string Message, string Type) problem) =>
        Errors.Add(new FieldError(path, problem.Message, problem.Type));

    public ObjectReader Root(JsonNode? body)
    {
        if (body is JsonObject obj)
        {
            return new ObjectReader(this, obj, []);
        }
        Add([], messages.WrongType(JsonKind.Object));
        return new ObjectReader(this, null, []);
    }

    /// <summary>A body that must be a JSON array of objects; one reader per element.</summary>
    public IReadOnlyList<ObjectReader>? RootList(JsonNode? body)
    {
        if (body is not JsonArray array)
        {
            Add([], messages.WrongType(JsonKind.List));
            return null;
        }
        var items = new List<ObjectReader>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject element)
            {
                items.Add(new ObjectReader(this, element, [i]));
            }
            else
            {
                Add([i], messages.WrongType(JsonKind.Object));
                items.Add(new ObjectReader(this, null, [i]));
            }
        }
        return items;
    }

    internal static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }
}
