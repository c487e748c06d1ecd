using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Datafold;

/// <summary>The dbt Cloud CI integration ("CI config"): the contract that the spec assumes.</summary>
internal static class CiConfigEndpoints
{
    private const string NotFoundMessage = "CI config not found";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/ci/dbt_cloud/", Create);
        api.MapGet("/v1/ci/", List);
        api.MapGet("/v1/ci/{id:int}/", Read);
        api.MapPut("/v1/ci/dbt_cloud/{id:int}/", Update);
        api.MapDelete("/v1/ci/{id:int}/", Delete);
    }

    private static async Task<IResult> Create(HttpContext http, EmulatorState state)
    {
        var organizationId = DatafoldAuth.Caller(http).Organization.Id;
        var body = await RequestJson.ReadAsync(http.Request);
        if (!body.IsValid)
        {
            return DatafoldResponses.InvalidJson(body.ParseError!);
        }
        var reader = new FieldReader(DatafoldFieldMessages.Instance);
        var config = CiConfigValidation.Read(reader, body.Body, creating: true);
        if (reader.HasErrors)
        {
            return DatafoldResponses.Unprocessable(reader.Errors);
        }
        lock (state.Gate)
        {
            if (Refuse(state, organizationId, config!, self: null) is { } refused)
            {
                return refused;
            }
            config!.Id = state.NewCiConfigId();
            config.OrganizationId = organizationId;
            config.CreatedAt = config.UpdatedAt = Clock.Now();
            state.CiConfigs[config.Id] = config;
            return DatafoldResponses.Ok(View(config));
        }
    }

    private static IResult Read(HttpContext http, EmulatorState state, int id)
    {
        var organizationId = DatafoldAuth.Caller(http).Organization.Id;
        lock (state.Gate)
        {
            return Find(state, organizationId, id) is { } config ? DatafoldResponses.Ok(View(config)) : DatafoldResponses.Error(404, NotFoundMessage);
        }
    }

    /// <summary>The body is the whole config; without dbt_cloud.api_key the stored key stays.</summary>
    private static async Task<IResult> Update(HttpContext http, EmulatorState state, int id)
    {
        var organizationId = DatafoldAuth.Caller(http).Organization.Id;
        var body = await RequestJson.ReadAsync(http.Request);
        var reader = new FieldReader(DatafoldFieldMessages.Instance);
        var config = body.IsValid ? CiConfigValidation.Read(reader, body.Body, creating: false) : null;
        lock (state.Gate)
        {
            if (Find(state, organizationId, id) is not { } existing)
            {
                return DatafoldResponses.Error(404, NotFoundMessage);
            }
            if (!body.IsValid)
            {
                return DatafoldResponses.InvalidJson(body.ParseError!);
            }
            if (reader.HasErrors)
            {
                return DatafoldResponses.Unprocessable(reader.Errors);
            }
            config!.DbtCloud.ApiKey ??= existing.DbtCloud.ApiKey;
            if (Refuse(state, organizationId, config, self: id) is { } refused)
            {
                return refused;
            }
            config.Id = existing.Id;
            config.OrganizationId = organizationId;
            config.CreatedAt = existing.CreatedAt;
            config.UpdatedAt = Clock.Now();
            state.CiConfigs[config.Id] = config;
            return DatafoldResponses.Ok(View(config));
        }
    }

    private static IResult Delete(HttpContext http, EmulatorState state, int id)
    {
        var organizationId = DatafoldAuth.Caller(http).Organization.Id;
        lock (state.Gate)
        {
            if (Find(state, organizationId, id) is null)
            {
                return DatafoldResponses.Error(404, NotFoundMessage);
            }
            state.CiConfigs.Remove(id);
            return DatafoldResponses.Ok(new JsonObject());
        }
    }

    private static IResult List(HttpContext http, EmulatorState state)
    {
        var organizationId = DatafoldAuth.Caller(http).Organization.Id;
        var query = http.Request.Query;
        var errors = new List<FieldError>();
        int? QueryInt(string name, int min)
        {
            var raw = query[name].ToString();
            if (raw.Length == 0)
            {
                return null;
            }
            if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new FieldError([name], "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
                return null;
            }
            if (value < min)
            {
                errors.Add(new FieldError([name], $"Input should be greater than or equal to {min}", "greater_than_equal"));
            }
            return value;
        }
        var limit = QueryInt("limit", 1) ?? 100;
        var offset = QueryInt("offset", 0) ?? 0;
        if (errors.Count > 0)
        {
            return DatafoldResponses.Unprocessable(errors, "query");
        }
        var type = query["type"].ToString();
        lock (state.Gate)
        {
            var configs = state.CiConfigs.Values
                .Where(c => c.OrganizationId == organizationId && (type.Length == 0 || c.Type == type))
                .Skip(offset).Take(limit).Select(c => (JsonNode)View(c)).ToArray();
            return DatafoldResponses.Ok(new JsonArray(configs));
        }
    }

    /// <summary>422 for broken references, then 409 for a name already taken in the organisation.</summary>
    private static IResult? Refuse(EmulatorState state, int organizationId, CiConfig config, int? self)
    {
        var broken = CiConfigValidation.CheckReferences(state, organizationId, config);
        if (broken.Count > 0)
        {
            return DatafoldResponses.Unprocessable(broken);
        }
        if (state.CiConfigs.Values.Any(c => c.OrganizationId == organizationId && c.Name == config.Name && c.Id != self))
        {
            return DatafoldResponses.Error(409, $"A CI config named '{config.Name}' already exists in this organization");
        }
        return null;
    }

    private static CiConfig? Find(EmulatorState state, int organizationId, int id) =>
        state.CiConfigs.TryGetValue(id, out var config) && config.OrganizationId == organizationId ? config : null;

    /// <summary>The stored config without its secret: the key is write-only, answers say api_key_set instead.</summary>
    internal static JsonObject View(CiConfig config)
    {
        var view = JsonSerializer.SerializeToNode(config, EmulatorJsonContext.Default.CiConfig)!.AsObject();
        view.Remove("organization_id");
        var dbtCloud = view["dbt_cloud"]!.AsObject();
        dbtCloud.Remove("api_key");
        dbtCloud["api_key_set"] = config.DbtCloud.ApiKey is { Length: > 0 };
        return view;
    }
}
