using System.Text.Json.Nodes;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// A resource's settings as fields of the service's JSON object, taken from its schema alone: every attribute the
/// configuration may set (required or optional), unless declared <c>LocalOnly()</c>, is the JSON value at its
/// <c>ApiName</c> (its own name when none is given; dotted for nested fields) or what its <c>ApiConverter</c> writes. So
/// adding a setting is its model field and its schema line: the request body (<see cref="Write"/>), the read-back
/// (<see cref="Read"/>) and "did a setting change" (<see cref="SameSettings"/>) follow, and none can go stale.
/// </summary>
public sealed class ApiObjectMapping<TModel> where TModel : class, new()
{
    private readonly IReadOnlyList<(IMemberBinding<TModel> Member, SchemaAttribute Attribute, IApiFieldConverter Converter)> _settings;

    internal ApiObjectMapping(SchemaBlock block, ModelBinding<TModel> binding) =>
        _settings = block.Attributes
            .Where(a => (a.Required || a.Optional) && !a.LocalOnly)
            .Select(a => (binding.Member(a.Name), a, a.ApiConverter ?? new ApiPathConverter(a.ApiName ?? a.Name)))
            .ToArray();

    /// <summary>The attributes that are settings, in schema order.</summary>
    public IEnumerable<string> Attributes => _settings.Select(s => s.Attribute.Name);

    /// <summary>Sets every setting of <paramref name="model"/> (known values: a plan being applied) on <paramref name="apiObject"/>, leaving its other fields as they are.</summary>
    public void Write(TModel model, JsonObject apiObject)
    {
        foreach (var (member, _, converter) in _settings)
            converter.Write(member.Encode(model, CtyPath.Root), apiObject);
    }

    /// <summary>Sets every setting of <paramref name="model"/> from <paramref name="apiObject"/>, as the service answered it.</summary>
    public void Read(JsonObject apiObject, TModel model)
    {
        foreach (var (member, attribute, converter) in _settings)
            member.Decode(model, converter.Read(apiObject, attribute.Type), CtyPath.Root);
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> hold the same value for every setting.</summary>
    public bool SameSettings(TModel a, TModel b) => _settings.All(s => s.Member.FieldEquals(a, b));
}
