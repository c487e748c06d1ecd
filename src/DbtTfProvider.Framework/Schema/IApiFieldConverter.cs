using System.Text.Json.Nodes;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// Writes one attribute into a service's JSON object and reads it back, when it is not one JSON value at its API name:
/// a value the service keeps in another shape (a cron inside a schedule object), or one attribute over several fields.
/// </summary>
public interface IApiFieldConverter
{
    /// <summary>Sets the fields of <paramref name="apiObject"/> that hold <paramref name="value"/> (known, possibly null).</summary>
    void Write(CtyValue value, JsonObject apiObject);

    /// <summary>The attribute's value (of <paramref name="type"/>) as <paramref name="apiObject"/> holds it.</summary>
    CtyValue Read(JsonObject apiObject, CtyType type);
}
