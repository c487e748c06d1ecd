using System.Text.Json;
using System.Text.RegularExpressions;
using DbtTfProvider.Datafold;
using DbtTfProvider.Datafold.CiConfigContract;
using DbtTfProvider.DbtCloud;

namespace DbtTfProvider.Clients.Tests.Emulator;

/// <summary>
/// Every request the Datafold client sends, held against Datafold's published OpenAPI file (OpenApi/README.md): a
/// documented operation must match its path, method, query parameters and body fields with their types; any other must
/// be one of the operations the client lists as assumed (<see cref="ICiConfigApi.AssumedOperations"/>) or undocumented.
/// </summary>
public sealed class DatafoldOpenApiContractTests : EmulatorHarness
{
    private static readonly JsonElement Spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "datafold-openapi.json"))).RootElement;

    private static readonly (string Method, string Path)[] Undocumented =
        [.. ICiConfigApi.AssumedOperations, ("GET", IDatafoldApi.OrganizationMetaPath)];

    [Fact]
    public async Task Every_request_is_a_documented_operation_in_its_published_shape_or_listed_as_assumed()
    {
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        using var client = DatafoldClient.Create(new DatafoldClientOptions { Host = Emulator.BaseUrl, ApiKey = "df_api_key", Transport = recorder });
        var dbt = DbtCloud();
        var token = await dbt.ServiceTokens.CreateAsync("datafold");
        await dbt.ServiceTokens.AssignGrantsAsync(token.Id, [new ServiceTokenGrantSpec("member", true, null, [])]);
        var job = await dbt.Jobs.CreateAsync(ArtifactsJob());

        await client.CheckCredentialsAsync();
        await client.DataSources.ListAsync();
        await client.DataSources.GetAsync(7);
        await client.CiConfigs.ListAsync();
        var created = await client.CiConfigs.CreateAsync(new DbtCloudCiConfig
        {
            Name = "contract", RepoId = 3, DataSourceId = 7,
            DbtCloud = new DbtCloudCiSettings { AccountId = 1, ApiKey = token.TokenString, ArtifactsJobId = job.Id!.Value },
            Sampling = new CiSampling { Enabled = true, Tolerance = 0.001, Confidence = 99, Threshold = 1000 },
        });
        await client.CiConfigs.GetAsync(created.Id!.Value);
        await client.CiConfigs.DeleteAsync(created.Id!.Value);

        var documented = recorder.Requests.Where(r => Operation(r.Method, r.Path) is not null).ToList();
        Assert.Contains(documented, r => r.Path == "/api/v1/data_sources");
        Assert.Contains(documented, r => r.Path == "/api/v1/data_sources/7");
        foreach (var request in recorder.Requests)
        {
            if (Operation(request.Method, request.Path) is { } operation)
                CheckAgainst(operation, request);
            else
                Assert.True(Undocumented.Any(u => u.Method == request.Method && Matches(u.Path, request.Path)),
                    $"{request.Method} {request.Path} is neither in Datafold's published API file nor listed as assumed");
        }
        // What is listed as assumed is indeed not published (else it belongs to the documented checks).
        foreach (var (method, path) in Undocumented)
            Assert.Null(Operation(method, path.Replace("{id}", "1")));
    }

    /// <summary>The published operation for a concrete path (templates such as {data_source_id} match one segment).</summary>
    private static JsonElement? Operation(string method, string path)
    {
        foreach (var entry in Spec.GetProperty("paths").EnumerateObject())
            if (Matches(entry.Name, path) && entry.Value.TryGetProperty(method.ToLowerInvariant(), out var operation))
                return operation;
        return null;
    }

    private static bool Matches(string template, string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");

    private static void CheckAgainst(JsonElement operation, RecordedRequest request)
    {
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        foreach (var name in request.QueryNames)
            Assert.True(parameters.Any(q => q.GetProperty("in").GetString() == "query" && q.GetProperty("name").GetString() == name),
                $"{request.Method} {request.Path}: query parameter {name} is not published");
        if (request.Body is not { } body)
            return;
        Assert.True(operation.TryGetProperty("requestBody", out var requestBody), $"{request.Method} {request.Path}: a body is sent but none is published");
        var schema = Resolve(requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        CheckObject(schema, body, $"{request.Method} {request.Path}");
    }

    /// <summary>Every field sent is a published property, of a published type.</summary>
    private static void CheckObject(JsonElement schema, JsonElement body, string where)
    {
        var properties = schema.GetProperty("properties");
        foreach (var field in body.EnumerateObject())
        {
            Assert.True(properties.TryGetProperty(field.Name, out var property), $"{where}: field {field.Name} is not published");
            var types = TypesOf(Resolve(property)).ToList();
            Assert.True(types.Contains(JsonTypeOf(field.Value)) || (JsonTypeOf(field.Value) == "integer" && types.Contains("number")),
                $"{where}: field {field.Name} is {JsonTypeOf(field.Value)}, published as {string.Join(" or ", types)}");
        }
    }

    private static IEnumerable<string> TypesOf(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) ? [type.GetString()!]
        : schema.TryGetProperty("anyOf", out var any) ? any.EnumerateArray().SelectMany(s => TypesOf(Resolve(s)))
        : schema.TryGetProperty("oneOf", out var one) ? one.EnumerateArray().SelectMany(s => TypesOf(Resolve(s)))
        : ["object"];

    private static string JsonTypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Null => "null",
        _ => "object",
    };

    private static JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var node = Spec;
            foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/'))
                node = node.GetProperty(segment);
            schema = node;
        }
        return schema;
    }

    private sealed record RecordedRequest(string Method, string Path, IReadOnlyList<string> QueryNames, JsonElement? Body);

    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(q => Uri.UnescapeDataString(q.Split('=')[0])).ToList();
            JsonElement? body = request.Content is { } content ? JsonDocument.Parse(await content.ReadAsStringAsync(cancellationToken)).RootElement.Clone() : null;
            lock (Requests)
                Requests.Add(new RecordedRequest(request.Method.Method, uri.AbsolutePath, query, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
