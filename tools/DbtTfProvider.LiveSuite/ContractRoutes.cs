using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Refit;

namespace DbtTfProvider.LiveSuite;

/// <summary>
/// Every GET route of the clients' Refit interfaces (dbt Cloud's IDbtCloudApi; Datafold's IDatafoldApi and the
/// assumed ICiConfigApi of its CiConfigContract/ folder), found by reflection so that the report follows the clients: a route
/// or field added there is reported without a change here.
/// </summary>
public static partial class ContractRoutes
{
    public static IReadOnlyList<ContractRoute> For(string service, Assembly client, JsonSerializerContext context) =>
        client.GetTypes()
            .Where(type => type.IsInterface)
            .SelectMany(type => type.GetMethods())
            .Select(method => (method, get: method.GetCustomAttribute<GetAttribute>()))
            .Where(pair => pair.get is not null)
            .Select(pair => Describe(service, pair.method, pair.get!.Path, context))
            .OrderBy(route => route.PathParameters.Count).ThenBy(route => route.PathTemplate, StringComparer.Ordinal)
            .ToList();

    private static ContractRoute Describe(string service, MethodInfo method, string path, JsonSerializerContext context)
    {
        var pathParameters = Placeholder().Matches(path).Select(m => m.Groups[1].Value).ToList();
        var query = method.GetParameters()
            .Where(p => p.ParameterType != typeof(CancellationToken) && p.GetCustomAttribute<BodyAttribute>() is null
                        && !pathParameters.Contains(p.Name!))
            .Select(p => (p.GetCustomAttribute<AliasAsAttribute>()?.Name ?? p.Name!, p))
            .ToList();
        var answerType = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;
        var answer = context.GetTypeInfo(answerType)
                     ?? throw new InvalidOperationException($"{method.Name}: {answerType} is not in {context.GetType().Name}");
        return new ContractRoute(service, path, pathParameters, query, answer, context);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
