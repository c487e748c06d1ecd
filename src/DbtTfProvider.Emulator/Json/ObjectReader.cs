using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Json;

/// <summary>One JSON object of the body (or nothing, when it was missing or of the wrong kind).</summary>
internal readonly struct ObjectReader(FieldReader owner, JsonObject? node, object[] path)
{
    public bool Exists => node is not null;

    public IReadOnlyList<object> Path => path;

    /// <summary>The key is present with a non-null value.</summary>
    public bool Has(string key) => node is not null && node.TryGetPropertyValue(key, out var v) && v is not null;

    public object[] PathOf(string key) => [.. path, key];

    public void Fail(string key, (string Message, string Type) problem) => owner.Add(PathOf(key), problem);

    public void Fail(string key, string reason) => Fail(key, owner.Messages.Invalid(reason));

    public void Fail(object[] relativePath, string reason) => owner.Add([.. path, .. relativePath], owner.Messages.Invalid(reason));

    public void FailExtra(string key) => Fail(key, owner.Messages.ExtraKey);

    /// <summary>A strict object: every key not in <paramref name="allowed"/> is an extra key at its own path.</summary>
    public void AllowOnly(params string[] allowed)
    {
        if (node is null)
        {
            return;
        }
        foreach (var (key, _) in node)
        {
            if (!allowed.Contains(key))
            {
                FailExtra(key);
            }
        }
    }

    public int? Int(string key, Presence presence) =>
        Get(key, presence, JsonKind.Integer) is { } v
            ? FieldReader.TryInt(v, out var i) ? i : WrongType<int>(key, JsonKind.Integer)
            : null;

    public string? String(string key, Presence presence) =>
        Get(key, presence, JsonKind.String) is { } v
            ? v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : WrongTypeRef<string>(key, JsonKind.String)
            : null;

    public bool? Bool(string key, Presence presence) =>
        Get(key, presence, JsonKind.Boolean) is { } v
            ? v is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? b.GetValue<bool>() : WrongType<bool>(key, JsonKind.Boolean)
            : null;

    public double? Number(string key, Presence presence) =>
        Get(key, presence, JsonKind.Number) is { } v
            ? v is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.TryGetValue<double>(out var d) ? d : WrongType<double>(key, JsonKind.Number)
            : null;

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string? OneOf(string key, Presence presence, IReadOnlyList<string> allowed)
    {
        var value = String(key, presence);
        if (value is not null && !allowed.Contains(value))
        {
            Fail(key, owner.Messages.NotOneOf(allowed));
            return null;
        }
        return value;
    }

    public List<string>? StringList(string key, Presence presence) =>
        ReadList(key, presence, JsonKind.String, item => item is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null);

    public List<int>? IntList(string key, Presence presence) =>
        ReadList<int?>(key, presence, JsonKind.Integer, item => FieldReader.TryInt(item, out var i) ? i : null)?.Select(i => i!.Value).ToList();

    /// <summary>A list of objects; one reader per element.</summary>
    public IReadOnlyList<ObjectReader>? ObjectList(string key, Presence presence)
    {
        if (ListAt(key, presence) is not { } array)
        {
            return null;
        }
        var items = new List<ObjectReader>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            object[] at = [.. path, key, i];
            if (array[i] is not JsonObject element)
            {
                owner.Add(at, owner.Messages.WrongType(JsonKind.Object));
            }
            items.Add(new ObjectReader(owner, array[i] as JsonObject, at));
        }
        return items;
    }

    public ObjectReader Object(string key, Presence presence)
    {
        var value = Get(key, presence, JsonKind.Object);
        if (value is null)
        {
            return new ObjectReader(owner, null, PathOf(key));
        }
        if (value is JsonObject obj)
        {
            return new ObjectReader(owner, obj, PathOf(key));
        }
        Fail(key, owner.Messages.WrongType(JsonKind.Object));
        return new ObjectReader(owner, null, PathOf(key));
    }

    /// <summary>The list at <paramref name="key"/>; null when absent or not a list (the latter recorded as an error).</summary>
    private JsonArray? ListAt(string key, Presence presence)
    {
        var value = Get(key, presence, JsonKind.List);
        if (value is null or JsonArray)
        {
            return value as JsonArray;
        }
        Fail(key, owner.Messages.WrongType(JsonKind.List));
        return null;
    }

    private List<T>? ReadList<T>(string key, Presence presence, JsonKind itemKind, Func<JsonNode?, T?> read)
    {
        if (ListAt(key, presence) is not { } array)
        {
            return null;
        }
        var items = new List<T>(array.Count);
        var ok = true;
        for (var i = 0; i < array.Count; i++)
        {
            var item = read(array[i]);
            if (item is null)
            {
                owner.Add([.. path, key, i], owner.Messages.WrongType(itemKind));
                ok = false;
            }
            else
            {
                items.Add(item);
            }
        }
        return ok ? items : null;
    }

    private JsonNode? Get(string key, Presence presence, JsonKind kind)
    {
        if (node is null)
        {
            return null;
        }
        if (!node.TryGetPropertyValue(key, out var value))
        {
            if (presence == Presence.Required)
            {
                Fail(key, owner.Messages.Missing);
            }
            return null;
        }
        if (value is null && presence != Presence.Nullable)
        {
            Fail(key, owner.Messages.WrongType(kind));
        }
        return value;
    }

    private T? WrongType<T>(string key, JsonKind kind) where T : struct
    {
        Fail(key, owner.Messages.WrongType(kind));
        return null;
    }

    private T? WrongTypeRef<T>(string key, JsonKind kind) where T : class
    {
        Fail(key, owner.Messages.WrongType(kind));
        return null;
    }
}
