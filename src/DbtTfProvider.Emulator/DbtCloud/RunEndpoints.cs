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
        api.MapGet("/v2/accounts/{account_id:int}/runs/{run_id:int}/", Read);
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
