using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;
using Microsoft.AspNetCore.Mvc;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>Run trigger and run status. A run is queued when triggered and has succeeded by the next look.</summary>
internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/v2/accounts/{account_id:int}/jobs/{id:int}/run/", Trigger);
        api.MapGet("/v2/accounts/{account_id:int}/runs/", List);
        api.MapGet("/v2/accounts/{account_id:int}/runs/{run_id:int}/", Read);
    }

    /// <summary>The account's runs (documented in openapi-v2), filtered by <c>job_definition_id</c>.</summary>
    private static IResult List(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId)
    {
        var request = http.Request;
        if (!Paging.TryRead(request, out var paging, out var error)
            || !QueryInt.TryRead(request, "job_definition_id", out var jobId, out error))
        {
            return error!;
        }
        var orderBy = request.Query["order_by"].ToString() is { Length: > 0 } order ? order : "id";
        if (orderBy is not ("id" or "-id"))
        {
            return DbtResponses.InvalidField("order_by", "value must be one of ['id', '-id']");
        }
        lock (state.Gate)
        {
            var matches = state.Runs.Values.Where(r => r.AccountId == accountId && (jobId is null || r.JobDefinitionId == jobId)).ToList();
            if (orderBy == "-id")
            {
                matches.Reverse();
            }
            var filters = new System.Text.Json.Nodes.JsonObject { ["account_id"] = accountId };
            if (jobId is not null)
            {
                filters["job_definition_id"] = jobId;
            }
            return DbtResponses.Page(matches.Select(r => (System.Text.Json.Nodes.JsonNode)DbtCloudViews.Run(r)).ToList(), paging, filters, orderBy);
        }
    }

    private static async Task<IResult> Trigger(HttpContext http, EmulatorState state, [FromRoute(Name = "account_id")] int accountId, int id)
    {
        var body = await RequestJson.ReadAsync(http.Request);
        var reader = new FieldReader(DbtFieldMessages.Instance);
        var cause = body.IsValid ? reader.Root(body.Body).String("cause", Presence.Required) : null;
        lock (state.Gate)
        {
            if (JobEndpoints.Find(state, accountId, id) is not { } job)
            {
                return JobEndpoints.NotFound(id);
            }
            if (!body.IsValid)
            {
                return DbtResponses.Error(400, body.ParseError!);
            }
            if (reader.HasErrors)
            {
                return DbtResponses.Invalid(reader.Errors);
            }
            var now = Clock.Now();
            var run = new Run
            {
                Id = state.NewRunId(),
                AccountId = accountId,
                JobDefinitionId = job.Id,
                ProjectId = job.ProjectId,
                EnvironmentId = job.EnvironmentId,
                Status = RunStatus.Queued,
                Cause = cause!,
                CreatedAt = now,
                UpdatedAt = now,
            };
            state.Runs[run.Id] = run;
            return DbtResponses.Ok(DbtCloudViews.Run(run));
        }
    }

    private static IResult Read(EmulatorState state, [FromRoute(Name = "account_id")] int accountId, [FromRoute(Name = "run_id")] int runId)
    {
        lock (state.Gate)
        {
            if (!state.Runs.TryGetValue(runId, out var run) || run.AccountId != accountId)
            {
                return DbtResponses.NotFound($"Run {runId}");
            }
            Settle(run);
            return DbtResponses.Ok(DbtCloudViews.Run(run));
        }
    }

    /// <summary>Runs take no time here: any run still queued has succeeded once someone looks again.</summary>
    internal static void Settle(Run run)
    {
        if (run.Status == RunStatus.Queued)
        {
            run.Status = RunStatus.Success;
            run.UpdatedAt = run.FinishedAt = Clock.Now();
        }
    }
}
