using System.Text;
using System.Text.Json;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// A resource's private key/value store: opaque to the user, kept by Terraform alongside the state and handed back
/// on every later call. Stored as one JSON object; keys beginning with "." belong to the framework. Unless a value
/// changes, the bytes Terraform sent are echoed back unchanged.
/// </summary>
public sealed class PrivateState
{
    private readonly byte[] _original;
    private readonly SortedDictionary<string, string> _rawJson = new(StringComparer.Ordinal);
    private bool _changed;

    private PrivateState(byte[] original) => _original = original;

    public static PrivateState Empty() => new([]);

    internal static PrivateState FromBytes(byte[] bytes)
    {
        var state = new PrivateState(bytes);
        if (bytes.Length == 0) return state;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return state;
            foreach (var p in doc.RootElement.EnumerateObject()) state._rawJson[p.Name] = p.Value.GetRawText();
        }
        catch (JsonException)
        {
            // Not ours (or damaged): nothing readable, but still echoed back untouched unless a value is set.
        }
        return state;
    }

    public IEnumerable<string> Keys => _rawJson.Keys.Where(k => !k.StartsWith('.'));

    /// <summary>The string stored under <paramref name="key"/>, or null.</summary>
    public string? Get(string key)
    {
        if (!_rawJson.TryGetValue(key, out var raw)) return null;
        using var doc = JsonDocument.Parse(raw);
        return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() : raw;
    }

    /// <summary>Stores a string (null removes the key).</summary>
    public void Set(string key, string? value)
    {
        if (key.StartsWith('.')) throw new ArgumentException("Private state keys starting with \".\" are reserved for the framework.", nameof(key));
        SetRaw(key, value is null ? null : JsonSerializer.Serialize(value, PrivateStateJson.Default.String));
    }

    internal void SetRaw(string key, string? rawJson)
    {
        var had = _rawJson.TryGetValue(key, out var old);
        if (rawJson is null)
        {
            if (had) { _rawJson.Remove(key); _changed = true; }
            return;
        }
        if (had && old == rawJson) return;
        _rawJson[key] = rawJson;
        _changed = true;
    }

    internal byte[] ToBytes()
    {
        if (!_changed) return _original;
        if (_rawJson.Count == 0) return [];
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (k, v) in _rawJson)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(JsonSerializer.Serialize(k, PrivateStateJson.Default.String)).Append(':').Append(v);
        }
        return Encoding.UTF8.GetBytes(sb.Append('}').ToString());
    }
}
