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
        if (body.Body is JsonObject fields
            && fields.Select(kv => kv.Key).Where(key => !ServiceTokenValidation.CreateFields.Contains(key)).ToList() is { Count: > 0 } unexpected)
        {
            return DbtResponses.UnexpectedProperties(unexpected);
        }
        var reader = new FieldReader(DbtFieldMessages.Instance);
        var rules = new FieldReader(DbtFieldMessages.Instance);
        var name = ServiceTokenValidation.ReadName(reader, body.Body, accountId, creating: true);
        var grants = ServiceTokenValidation.ReadPermissionGrants(reader, rules, body.Body, accountId, state);
        if (reader.HasErrors)
        {
            return DbtResponses.Invalid(reader.Errors);
        }
        if (rules.HasErrors)
        {
            return DbtResponses.RuleBroken(rules.Errors);
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
            // permission_grants (v3 CreateServiceTokenRequest): the token and its grants in one request.
            foreach (var grant in grants)
            {
                grant.Id = state.NewGrantId();
                grant.ServiceTokenId = token.Id;
                grant.CreatedAt = grant.UpdatedAt = now;
                token.Grants.Add(grant);
            }
            state.ServiceTokens[token.Id] = token;
            var view = DbtCloudViews.ServiceToken(token, withSecret: true);
            view["permission_grants"] = new JsonArray(grants.Select(g => (JsonNode)new JsonObject
            {
                ["permission_set"] = g.PermissionSet,
                ["project_id"] = g.ProjectId,
                ["writable_environment_categories"] = new JsonArray((g.WritableEnvironmentCategories ?? []).Select(c => (JsonNode)c).ToArray()),
            }).ToArray());
            // The v3 spec answers a create with 200, not 201.
            return DbtResponses.Ok(view);
        }
    }

    /// <summary>
    /// Not in the spec's table but in dbt Cloud's API: lets a client look for a token it may have created before an
    /// ambiguous failure. Query: state, offset, include_related; anything else (limit included) is a 400.
    /// </summary>
    private static IResult List(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        if (ServiceTokenValidation.UnexpectedQueryParameters(http.Request) is { Count: > 0 } unexpected)
        {
            return DbtResponses.UnexpectedProperties(unexpected);
        }
        if (!Paging.TryRead(http.Request, out var paging, out var error)
            || !QueryInt.TryRead(http.Request, "state", out var stateFilter, out error))
        {
            return error!;
        }
        lock (state.Gate)
        {
            var matches = state.ServiceTokens.Values
                .Where(t => t.AccountId == accountId && (stateFilter is null || t.State == stateFilter))
                .Select(t => (JsonNode)DbtCloudViews.ServiceToken(t)).ToList();
            var filters = new JsonObject { ["account_id"] = accountId };
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
        if (ServiceTokenValidation.UnexpectedQueryParameters(http.Request) is { Count: > 0 } unexpected)
        {
            return DbtResponses.UnexpectedProperties(unexpected);
        }
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
