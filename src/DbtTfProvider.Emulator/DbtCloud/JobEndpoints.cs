using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;
using Microsoft.AspNetCore.Mvc;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>Jobs (v2): create, read (deleted or other account: 404), whole-object update, delete (state 2), filtered list.</summary>
internal static class JobEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string jobs = "/v2/accounts/{account_id:int}/jobs/";
        api.MapPost(jobs, Create);
        api.MapGet(jobs, List);
        api.MapGet(jobs + "{id:int}/", Read);
        api.MapPost(jobs + "{id:int}/", Update);
        api.MapDelete(jobs + "{id:int}/", Delete);
    }

    private static async Task<IResult> Create(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        if (!body.IsValid)
        {
            return DbtResponses.Error(400, body.ParseError!);
        }
        if (JobValidation.UnexpectedKeys(body.Body) is { Count: > 0 } unexpected)
        {
            return DbtResponses.UnexpectedProperties(unexpected);
        }
        var reader = new FieldReader(DbtFieldMessages.Instance);
        var job = JobValidation.Read(reader, body.Body, accountId);
        if (reader.HasErrors)
        {
            return DbtResponses.Invalid(reader.Errors);
        }
        if (JobValidation.SaoProblem(job!) is { } sao)
        {
            return DbtResponses.Error(405, sao);
        }
        lock (state.Gate)
        {
            var broken = JobValidation.CheckReferences(state, job!, existing: null);
            if (broken.Count > 0)
            {
                return DbtResponses.RuleBroken(broken);
            }
            JobValidation.FillSaoDefaults(job!);
            job!.Id = state.NewJobId();
            job.CreatedAt = job.UpdatedAt = Clock.Now();
            state.Jobs[job.Id] = job;
            // The v2 spec answers a create with 200, not 201.
            return DbtResponses.Ok(DbtCloudViews.Job(job, state, includeEnvironment: false));
        }
    }

    private static IResult Read(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        lock (state.Gate)
        {
            return Find(state, accountId, id) is { } job
                ? DbtResponses.Ok(DbtCloudViews.Job(job, state, IncludesEnvironment(http.Request)))
                : NotFound(id);
        }
    }

    /// <summary>The related <c>environment</c> object is in an answer only when asked for (<c>?include_related=environment</c>).</summary>
    private static bool IncludesEnvironment(HttpRequest request) =>
        request.Query["include_related"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains("environment");

    /// <summary>The body is the whole job: what it leaves out goes back to the defaults.</summary>
    private static async Task<IResult> Update(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        var reader = new FieldReader(DbtFieldMessages.Instance);
        var job = body.IsValid ? JobValidation.Read(reader, body.Body, accountId) : null;
        lock (state.Gate)
        {
            if (Find(state, accountId, id) is not { } existing)
            {
                return NotFound(id);
            }
            if (!body.IsValid)
            {
                return DbtResponses.Error(400, body.ParseError!);
            }
            if (JobValidation.UnexpectedKeys(body.Body) is { Count: > 0 } unexpected)
            {
                return DbtResponses.UnexpectedProperties(unexpected);
            }
            if (reader.HasErrors)
            {
                return DbtResponses.Invalid(reader.Errors);
            }
            if (JobValidation.SaoProblem(job!) is { } sao)
            {
                return DbtResponses.Error(405, sao);
            }
            var broken = JobValidation.CheckReferences(state, job!, existing);
            if (broken.Count > 0)
            {
                return DbtResponses.RuleBroken(broken);
            }
            JobValidation.FillSaoDefaults(job!);
            job!.Id = existing.Id;
            job.CreatedAt = existing.CreatedAt;
            job.UpdatedAt = Clock.Now();
            state.Jobs[job.Id] = job;
            return DbtResponses.Ok(DbtCloudViews.Job(job, state, includeEnvironment: false));
        }
    }

    private static IResult Delete(EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        lock (state.Gate)
        {
            if (Find(state, accountId, id) is not { } job)
            {
                return NotFound(id);
            }
            job.State = EntityState.Deleted;
            job.UpdatedAt = Clock.Now();
            return DbtResponses.Ok(DbtCloudViews.Job(job, state, includeEnvironment: false));
        }
    }

    /// <summary>Active jobs by default (state=2 lists deleted ones), ordered by id (order_by=-id reverses).</summary>
    private static IResult List(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        var request = http.Request;
        if (!Paging.TryRead(request, out var paging, out var error)
            || !QueryInt.TryRead(request, "project_id", out var projectId, out error)
            || !QueryInt.TryRead(request, "environment_id", out var environmentId, out error)
            || !QueryInt.TryRead(request, "state", out var stateFilter, out error))
        {
            return error!;
        }
        var nameContains = request.Query["name__icontains"].ToString();
        var orderBy = request.Query["order_by"].ToString() is { Length: > 0 } order ? order : "id";
        if (orderBy is not ("id" or "-id"))
        {
            return DbtResponses.InvalidField("order_by", "value must be one of ['id', '-id']");
        }
        lock (state.Gate)
        {
            var matches = state.Jobs.Values.Where(j =>
                    j.AccountId == accountId
                    && j.State == (stateFilter ?? EntityState.Active)
                    && (projectId is null || j.ProjectId == projectId)
                    && (environmentId is null || j.EnvironmentId == environmentId)
                    && (nameContains.Length == 0 || j.Name.Contains(nameContains, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (orderBy == "-id")
            {
                matches.Reverse();
            }
            var filters = new JsonObject { ["account_id"] = accountId, ["state"] = stateFilter ?? EntityState.Active };
            if (projectId is not null)
            {
                filters["project_id"] = projectId;
            }
            if (environmentId is not null)
            {
                filters["environment_id"] = environmentId;
            }
            if (nameContains.Length > 0)
            {
                filters["name__icontains"] = nameContains;
            }
            var withEnvironment = IncludesEnvironment(request);
            return DbtResponses.Page(matches.Select(j => (JsonNode)DbtCloudViews.Job(j, state, withEnvironment)).ToList(), paging, filters, orderBy);
        }
    }

    /// <summary>An active job of the account; a deleted job or another account's job is not found.</summary>
    internal static Job? Find(EmulatorState state, int accountId, int id) =>
        state.Jobs.TryGetValue(id, out var job) && job.AccountId == accountId && job.State == EntityState.Active ? job : null;

    internal static IResult NotFound(int id) => DbtResponses.NotFound($"Job {id}");
}
