using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;
using Microsoft.AspNetCore.Mvc;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>Service tokens (v3): create (the secret once), read (a deleted token reads as state 2), rename, soft delete, grants once.</summary>
internal static class ServiceTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tokens = "/v3/accounts/{account_id:int}/service-tokens/";
        api.MapPost(tokens, Create);
        api.MapGet(tokens, List);
        api.MapGet(tokens + "{id:int}/", Read);
        api.MapPut(tokens + "{id:int}/", Rename);
        api.MapDelete(tokens + "{id:int}/", Delete);
        api.MapPost(tokens + "{id:int}/permissions/", Grant);
        api.MapGet(tokens + "{id:int}/permissions/", ListGrants);
    }

    private static async Task<IResult> Create(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        if (!body.IsValid)
        {
            return DbtResponses.Error(400, body.ParseError!);
        }
        var reader = new FieldReader(DbtFieldMessages.Instance);
        var name = ServiceTokenValidation.ReadName(reader, body.Body, accountId, creating: true);
        if (reader.HasErrors)
        {
            return DbtResponses.Invalid(reader.Errors);
        }
        lock (state.Gate)
        {
            var now = Clock.Now();
            var token = new ServiceToken
            {
                Id = state.NewServiceTokenId(),
                AccountId = accountId,
                Uid = Secrets.ServiceTokenUid(),
                Name = name!,
                State = EntityState.Active,
                TokenString = Secrets.ServiceTokenString(),
                Grants = [],
                CreatedAt = now,
                UpdatedAt = now,
            };
            state.ServiceTokens[token.Id] = token;
            return DbtResponses.Ok(DbtCloudViews.ServiceToken(token, withSecret: true), 201);
        }
    }

    /// <summary>
    /// Not in the spec's table but in dbt Cloud's API: lets a client look for a token it may have created before an
    /// ambiguous failure. Filters: name (exact), state.
    /// </summary>
    private static IResult List(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        if (!Paging.TryRead(http.Request, out var paging, out var error)
            || !QueryInt.TryRead(http.Request, "state", out var stateFilter, out error))
        {
            return error!;
        }
        var name = http.Request.Query["name"].ToString();
        lock (state.Gate)
        {
            var matches = state.ServiceTokens.Values
                .Where(t => t.AccountId == accountId && (name.Length == 0 || t.Name == name) && (stateFilter is null || t.State == stateFilter))
                .Select(t => (JsonNode)DbtCloudViews.ServiceToken(t)).ToList();
            var filters = new JsonObject { ["account_id"] = accountId };
            if (name.Length > 0)
            {
                filters["name"] = name;
            }
            if (stateFilter is not null)
            {
                filters["state"] = stateFilter;
            }
            return DbtResponses.Page(matches, paging, filters);
        }
    }

    private static IResult Read(EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        lock (state.Gate)
        {
            // A deleted token is still there, with state 2.
            return Find(state, accountId, id, includeDeleted: true) is { } token
                ? DbtResponses.Ok(DbtCloudViews.ServiceToken(token))
                : NotFound(id);
        }
    }

    private static async Task<IResult> Rename(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        if (!body.IsValid)
        {
            return DbtResponses.Error(400, body.ParseError!);
        }
        var reader = new FieldReader(DbtFieldMessages.Instance);
        var name = ServiceTokenValidation.ReadName(reader, body.Body, accountId, creating: false);
        lock (state.Gate)
        {
            if (Find(state, accountId, id, includeDeleted: false) is not { } token)
            {
                return NotFound(id);
            }
            if (reader.HasErrors)
            {
                return DbtResponses.Invalid(reader.Errors);
            }
            token.Name = name!;
            token.UpdatedAt = Clock.Now();
            return DbtResponses.Ok(DbtCloudViews.ServiceToken(token));
        }
    }

    private static IResult Delete(EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        lock (state.Gate)
        {
            if (Find(state, accountId, id, includeDeleted: false) is not { } token)
            {
                return NotFound(id);
            }
            SoftDelete(token);
            return new StatusOnlyResult(204);
        }
    }

    internal static void SoftDelete(ServiceToken token)
    {
        var now = Clock.Now();
        token.State = EntityState.Deleted;
        token.UpdatedAt = now;
        foreach (var grant in token.Grants ?? [])
        {
            grant.State = EntityState.Deleted;
            grant.UpdatedAt = now;
        }
    }

    private static async Task<IResult> Grant(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        lock (state.Gate)
        {
            if (Find(state, accountId, id, includeDeleted: false) is not { } token)
            {
                return NotFound(id);
            }
            token.Grants ??= [];
            if (token.Grants.Count > 0)
            {
                return DbtResponses.Error(400, ServiceTokenValidation.GrantsAlreadyAssigned);
            }
            if (!body.IsValid)
            {
                return DbtResponses.Error(400, body.ParseError!);
            }
            var reader = new FieldReader(DbtFieldMessages.Instance);
            var rules = new FieldReader(DbtFieldMessages.Instance);
            var grants = ServiceTokenValidation.ReadGrants(reader, rules, body.Body, token, state);
            if (reader.HasErrors)
            {
                return DbtResponses.Invalid(reader.Errors);
            }
            if (rules.HasErrors)
            {
                return DbtResponses.RuleBroken(rules.Errors);
            }
            var now = Clock.Now();
            foreach (var grant in grants!)
            {
                grant.Id = state.NewGrantId();
                grant.CreatedAt = now;
                grant.UpdatedAt = now;
                token.Grants.Add(grant);
            }
            token.UpdatedAt = now;
            return DbtResponses.Ok(new JsonArray(grants.Select(DbtCloudViews.Grant).ToArray()), 201);
        }
    }

    private static IResult ListGrants(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        if (!Paging.TryRead(http.Request, out var paging, out var error))
        {
            return error!;
        }
        lock (state.Gate)
        {
            if (Find(state, accountId, id, includeDeleted: true) is not { } token)
            {
                return NotFound(id);
            }
            var grants = (token.Grants ?? []).OrderBy(g => g.Id).Select(DbtCloudViews.Grant).ToList();
            return DbtResponses.Page(grants, paging, new JsonObject { ["account_id"] = accountId, ["service_token_id"] = id });
        }
    }

    private static ServiceToken? Find(EmulatorState state, int accountId, int id, bool includeDeleted) =>
        state.ServiceTokens.TryGetValue(id, out var token) && token.AccountId == accountId
        && (includeDeleted || token.State == EntityState.Active)
            ? token
            : null;

    private static IResult NotFound(int id) => DbtResponses.NotFound($"Service token {id}");
}
