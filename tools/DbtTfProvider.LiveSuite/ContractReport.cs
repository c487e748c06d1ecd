using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using DbtTfProvider.Datafold;
using DbtTfProvider.DbtCloud;

namespace DbtTfProvider.LiveSuite;

/// <summary>
/// `make contract-report`: read-only. Calls each GET route of both clients against the configured services and prints,
/// route by route, the status, the expected fields present and absent, and the extra fields that came back. Only
/// field names are printed, never values. Exit code 0 when every route answered 2xx, 1 otherwise.
/// </summary>
public sealed class ContractReport(LiveSettings settings, TextWriter output)
{
    /// <summary>
    /// Query parameters a route needs that no path names: the list whose first item supplies the value (the runs of a
    /// job: the first job of the account's job list).
    /// </summary>
    private static readonly Dictionary<string, string> QueryFromList = new(StringComparer.Ordinal) { ["job_definition_id"] = "/jobs/" };

    private readonly Dictionary<string, string> _firstIdOfList = new(StringComparer.Ordinal);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var dbtCloudBase = DbtCloudHostUrl.ApiUrl(settings.DbtCloudHostUrl).Text
                           ?? throw new InvalidOperationException("DBT_CLOUD_HOST_URL: " + DbtCloudHostUrl.ApiUrlProblem(settings.DbtCloudHostUrl));
        var datafoldBase = DatafoldHost.Check(settings.DatafoldHost).Text
                           ?? throw new InvalidOperationException("DATAFOLD_HOST: " + DatafoldHost.Problem(settings.DatafoldHost));
        var services = new[]
        {
            (Routes: ContractRoutes.For("dbt Cloud", typeof(DbtCloudClient).Assembly, DbtCloudJsonContext.Default),
                Base: dbtCloudBase, Auth: new AuthenticationHeaderValue("Token", settings.DbtCloudToken)),
            (Routes: ContractRoutes.For("Datafold", typeof(DatafoldClient).Assembly, DatafoldJsonContext.Default),
                Base: datafoldBase, Auth: new AuthenticationHeaderValue("Key", settings.DatafoldApiKey)),
        };
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal) { ["accountId"] = settings.AccountId.ToString() };
        if (settings.ProjectId is { } project) bindings["projectId"] = project.ToString();

        output.WriteLine($"contract report: dbt Cloud {dbtCloudBase}, Datafold {datafoldBase} (read-only; field names only)");
        var failures = 0;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        foreach (var (routes, baseUrl, auth) in services)
        {
            var pending = routes.ToList();
            // Lists first: a route whose id comes from a list waits for that list's answer.
            for (var progress = true; pending.Count > 0 && progress;)
            {
                progress = false;
                foreach (var route in pending.ToList())
                {
                    if (Resolve(route, bindings) is not { } relative) continue;
                    pending.Remove(route);
                    progress = true;
                    if (!await CallAsync(http, route, baseUrl, relative, auth, cancellationToken)) failures++;
                }
            }
            foreach (var route in pending)
            {
                output.WriteLine($"\n{route}\n  not called: no object to read (an empty list before it, or a value it needs is not set)");
            }
        }
        output.WriteLine(failures == 0 ? "\ncontract report: every route called answered 2xx" : $"\ncontract report: {failures} route(s) did not answer 2xx");
        return failures == 0 ? 0 : 1;
    }

    private string? Resolve(ContractRoute route, Dictionary<string, string> bindings)
    {
        var path = route.PathTemplate;
        foreach (var name in route.PathParameters)
        {
            var placeholder = "{" + name + "}";
            var value = bindings.GetValueOrDefault(name)
                        ?? _firstIdOfList.GetValueOrDefault(path[..path.IndexOf(placeholder, StringComparison.Ordinal)]);
            if (value is null) return null;
            path = path.Replace(placeholder, value, StringComparison.Ordinal);
        }
        var query = new List<string>();
        foreach (var (name, parameter) in route.QueryParameters)
        {
            var value = QueryValue(name, parameter);
            if (value is null && QueryFromList.TryGetValue(name, out var listSuffix))
            {
                value = _firstIdOfList.FirstOrDefault(list => list.Key.EndsWith(listSuffix, StringComparison.Ordinal)).Value;
                if (value is null) return null;
            }
            if (value is not null) query.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        }
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    /// <summary>Paging from the start; a "type" filter from the declaring interface's own constant; optional filters left out.</summary>
    private static string? QueryValue(string name, ParameterInfo parameter) => name switch
    {
        "offset" => "0",
        "limit" => "100",
        "type" => parameter.Member.DeclaringType!.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => f.IsLiteral && f.Name.EndsWith("Type", StringComparison.Ordinal))?.GetRawConstantValue() as string,
        _ => null,
    };

    private async Task<bool> CallAsync(HttpClient http, ContractRoute route, string baseUrl, string relative, AuthenticationHeaderValue auth,
        CancellationToken cancellationToken)
    {
        output.WriteLine($"\n{route}\n  called: GET {relative}");
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + relative);
        request.Headers.Authorization = auth;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try { response = await http.SendAsync(request, cancellationToken); }
        catch (HttpRequestException error) { output.WriteLine($"  status: no answer ({error.Message})"); return false; }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            output.WriteLine($"  status: {(int)response.StatusCode} {response.ReasonPhrase}");
            JsonElement json;
            try { json = JsonDocument.Parse(body).RootElement; }
            catch (JsonException) { output.WriteLine($"  answer: not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})"); return false; }
            if (!response.IsSuccessStatusCode) return false;

            var expected = ContractFields.Expected(route.Answer);
            var (actual, emptyLists) = ContractFields.Actual(json);
            bool Unchecked(string field) => emptyLists.Any(list => field.StartsWith(list + ".", StringComparison.Ordinal));
            Print("present", expected.Where(actual.Contains));
            Print("absent", expected.Where(f => !actual.Contains(f) && !Unchecked(f)));
            Print("extra", actual.Where(f => !expected.Contains(f)));
            if (emptyLists.Count > 0) Print("unchecked (empty list)", emptyLists);
            RememberFirstId(relative, json);
            return true;
        }
    }

    /// <summary>The first item's id of a list answer (the list itself, or its envelope's list), for the routes that read one item.</summary>
    private void RememberFirstId(string relative, JsonElement json)
    {
        var list = json.ValueKind == JsonValueKind.Array ? json
            : json.ValueKind == JsonValueKind.Object ? json.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array)
            : default;
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0) return;
        if (list[0].ValueKind == JsonValueKind.Object && list[0].TryGetProperty("id", out var id))
        {
            var path = relative.Split('?')[0];
            _firstIdOfList[path.EndsWith('/') ? path : path + "/"] = id.ToString();
        }
    }

    private void Print(string label, IEnumerable<string> fields)
    {
        var list = fields.ToList();
        output.WriteLine($"  {label} ({list.Count}): {(list.Count == 0 ? "-" : string.Join(", ", list))}");
    }
}
