using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DbtTfProvider.LiveSuite;

/// <summary>
/// Field paths of an answer, both as the client's JSON contract expects them and as the service sent them, in one
/// notation: "data.id" for an object's field, "data[].id" for a field of a list's items ("[]" alone: a list answer).
/// </summary>
public static class ContractFields
{
    public static SortedSet<string> Expected(JsonTypeInfo answer)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        AddExpected(answer, "", fields, depth: 0);
        return fields;
    }

    /// <summary>The fields the service sent, and the lists that came back empty (their items' fields cannot be checked).</summary>
    public static (SortedSet<string> Fields, SortedSet<string> EmptyLists) Actual(JsonElement answer)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var empty = new SortedSet<string>(StringComparer.Ordinal);
        AddActual(answer, "", fields, empty);
        return (fields, empty);
    }

    private static void AddExpected(JsonTypeInfo type, string prefix, SortedSet<string> fields, int depth)
    {
        if (depth > 6) return;
        if (type.Kind == JsonTypeInfoKind.Enumerable && ElementType(type.Type) is { } element)
        {
            if (type.Options.TryGetTypeInfo(element, out var item)) AddExpected(item, prefix + "[]", fields, depth + 1);
            return;
        }
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
        {
            if (property.IsExtensionData) continue;
            var path = Join(prefix, property.Name);
            fields.Add(path);
            if (type.Options.TryGetTypeInfo(property.PropertyType, out var child)) AddExpected(child, path, fields, depth + 1);
        }
    }

    private static void AddActual(JsonElement value, string prefix, SortedSet<string> fields, SortedSet<string> empty)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var path = Join(prefix, property.Name);
                    fields.Add(path);
                    AddActual(property.Value, path, fields, empty);
                }
                break;
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0) empty.Add(prefix + "[]");
                foreach (var item in value.EnumerateArray().Take(50)) AddActual(item, prefix + "[]", fields, empty);
                break;
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
}
