using System.Globalization;
using System.Text.Json;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// A read-only view of a raw JSON state (a state file's <c>attributes</c> object, or a nested object of it), for
/// mapping another schema's state. Every getter is lenient where providers differ (a missing key reads as null, an id
/// may be a number or a string) and strict where a guess could be wrong: a value of another kind fails with a
/// <see cref="ResourceException"/> that names the source attribute.
/// </summary>
public sealed class JsonState
{
    private readonly JsonElement _element;
    private readonly string _path;

    public JsonState(JsonElement element, string path = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new ResourceException("Unreadable state", $"The state{(path.Length == 0 ? "" : $" at {path}")} is not a JSON object.");
        _element = element;
        _path = path;
    }

    public TfString String(string name) => Get(name) switch
    {
        null => TfString.Null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => throw Wrong(name, "a string"),
    };

    public TfInt64 Int64(string name) => Get(name) switch
    {
        null => TfInt64.Null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw Wrong(name, "a whole number"),
    };

    public TfBool Bool(string name) => Get(name) switch
    {
        null => TfBool.Null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        // Maps of booleans written by SDKv2 providers hold "true"/"false" strings.
        { ValueKind: JsonValueKind.String } v when bool.TryParse(v.GetString(), out var b) => b,
        _ => throw Wrong(name, "true or false"),
    };

    /// <summary>A nested object (a single nested attribute or block, or a map), or null when absent.</summary>
    public JsonState? Object(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } v => new JsonState(v, PathOf(name)),
        // A single block stored by a list-of-one schema.
        { ValueKind: JsonValueKind.Array } v when v.GetArrayLength() == 1 && v[0].ValueKind == JsonValueKind.Object => new JsonState(v[0], PathOf(name) + "[0]"),
        { ValueKind: JsonValueKind.Array } v when v.GetArrayLength() == 0 => null,
        _ => throw Wrong(name, "an object"),
    };

    /// <summary>The elements of a list or set (objects of a block list included), or null when absent.</summary>
    public IReadOnlyList<JsonElement>? Elements(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().ToArray(),
        _ => throw Wrong(name, "a list"),
    };

    public TfList<TfString> StringList(string name) => Elements(name) is { } elements
        ? TfList<TfString>.Of(elements.Select((e, i) => e.ValueKind == JsonValueKind.String ? (TfString)e.GetString() : throw Wrong($"{name}[{i}]", "a string")))
        : TfList<TfString>.Null;

    public IReadOnlyList<long>? Int64List(string name) => Elements(name)?.Select((e, i) => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n)
        ? n
        : throw Wrong($"{name}[{i}]", "a whole number")).ToArray();

    /// <summary>The path of an attribute of this object, for messages: <c>triggers.on_merge</c>.</summary>
    public string PathOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    private JsonElement? Get(string name) =>
        _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private ResourceException Wrong(string name, string expected) =>
        new("Unreadable state", $"{PathOf(name)} in the source state is not {expected}.");
}
