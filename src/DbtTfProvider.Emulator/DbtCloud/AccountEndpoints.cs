using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.State;
using Microsoft.AspNetCore.Mvc;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>The read-only part: accounts, projects, environments.</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/v2/accounts/", ListAccounts);
        api.MapGet("/v2/accounts/{account_id:int}/", GetAccount);
        api.MapGet("/v3/accounts/{account_id:int}/projects/", ListProjects);
        api.MapGet("/v3/accounts/{account_id:int}/projects/{project_id:int}/", GetProject);
        api.MapGet("/v3/accounts/{account_id:int}/projects/{project_id:int}/environments/", ListEnvironments);
        api.MapGet("/v3/accounts/{account_id:int}/environments/{environment_id:int}/", GetEnvironment);
    }

    private static IResult ListAccounts(HttpContext http, EmulatorState state)
    {
        if (!Paging.TryRead(http.Request, out var paging, out var error))
        {
            return error!;
        }
        var caller = DbtAuth.Caller(http);
        lock (state.Gate)
        {
            var accounts = state.Seed.DbtCloud.Accounts.Where(a => caller.AccountIds.Contains(a.Id)).OrderBy(a => a.Id)
                .Select(a => (JsonNode)DbtCloudViews.Account(a)).ToList();
            return DbtResponses.Page(accounts, paging, []);
        }
    }

    private static IResult GetAccount(EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        lock (state.Gate)
        {
            return state.Account(accountId) is { } account ? DbtResponses.Ok(DbtCloudViews.Account(account)) : DbtResponses.NotFound($"Account {accountId}");
        }
    }

    private static IResult ListProjects(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        if (!Paging.TryRead(http.Request, out var paging, out var error))
        {
            return error!;
        }
        lock (state.Gate)
        {
            var projects = state.Projects(accountId).Select(p => (JsonNode)DbtCloudViews.Project(p)).ToList();
            return DbtResponses.Page(projects, paging, new JsonObject { ["account_id"] = accountId });
        }
    }

    private static IResult GetProject(EmulatorState state, [FromRoute(Name = "account_id")] int accountId,
        [FromRoute(Name = "project_id")] int projectId)
    {
        lock (state.Gate)
        {
            return state.Project(accountId, projectId) is { } project
                ? DbtResponses.Ok(DbtCloudViews.Project(project))
                : DbtResponses.NotFound($"Project {projectId}");
        }
    }

    private static IResult ListEnvironments(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId,
        [FromRoute(Name = "project_id")] int projectId)
    {
        if (!Paging.TryRead(http.Request, out var paging, out var error))
        {
            return error!;
        }
        lock (state.Gate)
        {
            if (state.Project(accountId, projectId) is null)
            {
                return DbtResponses.NotFound($"Project {projectId}");
            }
            var environments = state.Environments(projectId).Select(e => (JsonNode)DbtCloudViews.Environment(e, accountId)).ToList();
            return DbtResponses.Page(environments, paging, new JsonObject { ["account_id"] = accountId, ["project_id"] = projectId });
        }
    }

    private static IResult GetEnvironment(EmulatorState state, [FromRoute(Name = "account_id")] int accountId,
        [FromRoute(Name = "environment_id")] int environmentId)
    {
        lock (state.Gate)
        {
            return state.Environment(accountId, environmentId) is { } environment
                ? DbtResponses.Ok(DbtCloudViews.Environment(environment, accountId))
                : DbtResponses.NotFound($"Environment {environmentId}");
        }
    }
}
