using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DbtTfProvider.LiveSuite;

/// <summary>
/// One read the provider relies on, as its client declares it: the Refit GET attribute's path template, the method's
/// query parameters, and the JSON contract of its answer (from the client's source-generated context).
/// </summary>
public sealed record ContractRoute(string Service, string PathTemplate, IReadOnlyList<string> PathParameters,
    IReadOnlyList<(string Name, ParameterInfo Parameter)> QueryParameters, JsonTypeInfo Answer, JsonSerializerContext Context)
{
    public override string ToString() => $"{Service} GET {PathTemplate}";
}
