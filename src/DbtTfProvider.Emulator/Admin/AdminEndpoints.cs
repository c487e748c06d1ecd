using System.Text.Json;
using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.DbtCloud;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>
/// Test-facing endpoints (no auth, plain JSON): state dump, reset, out-of-band edits and deletes (as a user
/// clicking in the services' UIs would make them: no validation), and fault rules.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/_emulator";

    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Prefix);
        admin.MapGet("/state", (EmulatorState state, RequestCounter counter) =>
        {
            lock (state.Gate)
            {
                return Ok(StateDump.Build(state, counter));
            }
        });
        admin.MapPost("/reset", (EmulatorState state, RequestCounter counter, FaultRules faults, ErrorEchoMode echo) =>
        {
            lock (state.Gate)
            {
                state.Reset();
            }
            counter.Clear();
            faults.Clear();
            echo.Enabled = false;
            return Ok(new JsonObject());
        });

        admin.MapPatch("/dbtcloud/jobs/{id:int}", PatchJob);
        admin.MapDelete("/dbtcloud/jobs/{id:int}", (EmulatorState state, int id) => Mutate(state, state.Jobs, id, "job", job =>
        {
            job.State = EntityState.Deleted;
            job.UpdatedAt = Clock.Now();
            return JsonSerializer.SerializeToNode(job, EmulatorJsonContext.Default.Job);
        }));
        admin.MapPatch("/dbtcloud/service-tokens/{id:int}", PatchServiceToken);
        admin.MapDelete("/dbtcloud/service-tokens/{id:int}", (EmulatorState state, int id) => Mutate(state, state.ServiceTokens, id, "service token", token =>
        {
            ServiceTokenEndpoints.SoftDelete(token);
            return JsonSerializer.SerializeToNode(token, EmulatorJsonContext.Default.ServiceToken);
        }));
        admin.MapPatch("/datafold/ci/{id:int}", PatchCiConfig);
        admin.MapDelete("/datafold/ci/{id:int}", (EmulatorState state, int id) => Mutate(state, state.CiConfigs, id, "CI config", config =>
        {
            state.CiConfigs.Remove(config.Id);
            return new JsonObject();
        }));

        admin.MapGet("/echo", (ErrorEchoMode echo) => Ok(echo.Describe()));
        admin.MapPost("/echo", SetEcho);
        admin.MapGet("/faults", (FaultRules faults) => Ok(faults.Describe()));
        admin.MapPost("/faults", AddFault);
        admin.MapDelete("/faults", (FaultRules faults) =>
        {
            faults.Clear();
            return Ok(new JsonObject());
        });
    }

    private static async Task<IResult> PatchJob(HttpContext http, EmulatorState state, int id)
    {
        var patch = await ReadPatch(http);
        if (patch.Error is not null)
        {
            return patch.Error;
        }
        return Mutate(state, state.Jobs, id, "job", job =>
        {
            var merged = Merge(job, patch.Body!, EmulatorJsonContext.Default.Job);
            merged.Id = job.Id;
            var schedule = patch.Body!["schedule"] as JsonObject;
            // A UI edit of the schedule's date or time changes the effective cron, unless the edit sets it itself.
            if (schedule is not null && (schedule.ContainsKey("date") || schedule.ContainsKey("time")) && !schedule.ContainsKey("cron"))
            {
                merged.Schedule.Cron = ScheduleRules.EffectiveCron(merged);
            }
            if (!patch.Body!.ContainsKey("updated_at"))
            {
                merged.UpdatedAt = Clock.Now();
            }
            state.Jobs[id] = merged;
            return JsonSerializer.SerializeToNode(merged, EmulatorJsonContext.Default.Job);
        });
    }

    private static async Task<IResult> PatchServiceToken(HttpContext http, EmulatorState state, int id)
    {
        var patch = await ReadPatch(http);
        if (patch.Error is not null)
        {
            return patch.Error;
        }
        return Mutate(state, state.ServiceTokens, id, "service token", token =>
        {
            var merged = Merge(token, patch.Body!, EmulatorJsonContext.Default.ServiceToken);
            merged.Id = token.Id;
            merged.Grants ??= [];
            if (!patch.Body!.ContainsKey("updated_at"))
            {
                merged.UpdatedAt = Clock.Now();
            }
            state.ServiceTokens[id] = merged;
            return JsonSerializer.SerializeToNode(merged, EmulatorJsonContext.Default.ServiceToken);
        });
    }

    private static async Task<IResult> PatchCiConfig(HttpContext http, EmulatorState state, int id)
    {
        var patch = await ReadPatch(http);
        if (patch.Error is not null)
        {
            return patch.Error;
        }
        return Mutate(state, state.CiConfigs, id, "CI config", config =>
        {
            var merged = Merge(config, patch.Body!, EmulatorJsonContext.Default.CiConfig);
            merged.Id = config.Id;
            if (!patch.Body!.ContainsKey("updated_at"))
            {
                merged.UpdatedAt = Clock.Now();
            }
            state.CiConfigs[id] = merged;
            return JsonSerializer.SerializeToNode(merged, EmulatorJsonContext.Default.CiConfig);
        });
    }

    private static async Task<IResult> SetEcho(HttpContext http, ErrorEchoMode echo)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        if (!body.IsValid)
        {
            return Problem(400, body.ParseError!);
        }
        if (body.Body?["enabled"] is not JsonValue enabled || enabled.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Problem(400, "enabled: must be true or false");
        }
        echo.Enabled = (bool)enabled;
        return Ok(echo.Describe());
    }

    private static async Task<IResult> AddFault(HttpContext http, FaultRules faults)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        if (!body.IsValid)
        {
            return Problem(400, body.ParseError!);
        }
        var reader = new FieldReader(DbtFieldMessages.Instance);
        var rule = FaultRules.Read(reader, body.Body);
        if (reader.HasErrors)
        {
            return Problem(400, string.Join("; ", reader.Errors.Select(e => $"{string.Join('.', e.Path)}: {e.Message}")));
        }
        return new JsonNodeResult(201, FaultRules.Describe(faults.Add(rule!)));
    }

    /// <summary>Runs an edit on an object under the state lock; 404 when there is no such object.</summary>
    private static JsonNodeResult Mutate<T>(EmulatorState state, SortedDictionary<int, T> objects, int id, string what, Func<T, JsonNode?> edit)
    {
        lock (state.Gate)
        {
            if (!objects.TryGetValue(id, out var value))
            {
                return Problem(404, $"no {what} with id {id}");
            }
            try
            {
                return Ok(edit(value));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Problem(400, $"the patched {what} is not valid: {e.Message}");
            }
        }
    }

    private static T Merge<T>(T current, JsonObject patch, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var node = JsonSerializer.SerializeToNode(current, type)!.AsObject();
        JsonMerge.Into(node, patch);
        return node.Deserialize(type) ?? throw new JsonException("the result is null");
    }

    private static async Task<(JsonObject? Body, IResult? Error)> ReadPatch(HttpContext http)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        if (!body.IsValid)
        {
            return (null, Problem(400, body.ParseError!));
        }
        return body.Body is JsonObject patch ? (patch, null) : (null, Problem(400, "the patch must be a JSON object"));
    }

    private static JsonNodeResult Ok(JsonNode? body) => new JsonNodeResult(200, body);

    private static JsonNodeResult Problem(int status, string message) => new JsonNodeResult(status, new JsonObject { ["error"] = message });
}
