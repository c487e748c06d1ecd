using System.Text.Json;
using System.Text.Json.Nodes;
using Cronos;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>
/// How stored objects look on the wire. Answers carry read-only extras beyond the spec's fields, as the real
/// service does, so that clients must ignore what they do not know.
/// </summary>
internal static class DbtCloudViews
{
    public static JsonObject Account(SeedAccount account) => new()
    {
        ["id"] = account.Id,
        ["name"] = account.Name,
        ["state"] = EntityState.Active,
        ["plan"] = "enterprise",
        ["pending_cancel"] = false,
        ["run_slots"] = 5,
        ["developer_seats"] = 10,
        ["docs_job_id"] = null,
        ["freshness_job_id"] = null,
        ["created_at"] = Clock.SeedTime,
        ["updated_at"] = Clock.SeedTime,
    };

    public static JsonObject Project(SeedProject project) => new()
    {
        ["id"] = project.Id,
        ["account_id"] = project.AccountId,
        ["name"] = project.Name,
        ["description"] = project.Description,
        ["dbt_project_subdirectory"] = null,
        ["connection_id"] = null,
        ["repository_id"] = null,
        ["state"] = project.State,
        ["created_at"] = Clock.SeedTime,
        ["updated_at"] = Clock.SeedTime,
    };

    public static JsonObject Environment(SeedEnvironment environment, int accountId) => new()
    {
        ["id"] = environment.Id,
        ["account_id"] = accountId,
        ["project_id"] = environment.ProjectId,
        ["name"] = environment.Name,
        ["type"] = environment.Type,
        ["deployment_type"] = environment.DeploymentType,
        ["dbt_version"] = environment.DbtVersion,
        ["use_custom_branch"] = false,
        ["custom_branch"] = null,
        ["state"] = environment.State,
        ["created_at"] = Clock.SeedTime,
        ["updated_at"] = Clock.SeedTime,
    };

    /// <summary>The token as the API shows it; <paramref name="withSecret"/> only in the create answer.</summary>
    public static JsonObject ServiceToken(ServiceToken token, bool withSecret = false)
    {
        var view = new JsonObject
        {
            ["id"] = token.Id,
            ["account_id"] = token.AccountId,
            ["uid"] = token.Uid,
            ["name"] = token.Name,
            ["state"] = token.State,
            ["last_used_at"] = null,
            ["created_at"] = token.CreatedAt,
            ["updated_at"] = token.UpdatedAt,
        };
        if (withSecret)
        {
            view["token_string"] = token.TokenString;
        }
        return view;
    }

    public static JsonNode Grant(ServiceTokenGrant grant) =>
        JsonSerializer.SerializeToNode(grant, EmulatorJsonContext.Default.ServiceTokenGrant)!;

    /// <summary>The job as the v2 API answers it; the related <c>environment</c> only when asked for with include_related.</summary>
    public static JsonObject Job(Job job, EmulatorState state, bool includeEnvironment)
    {
        var view = JsonSerializer.SerializeToNode(job, EmulatorJsonContext.Default.Job)!.AsObject();
        view["generate_sources"] = job.RunGenerateSources;
        view["is_deferrable"] = job.DeferringEnvironmentId is not null;
        view["deactivated"] = false;
        view["run_failure_count"] = 0;
        view["lifecycle"] = new JsonObject { ["status"] = job.State == EntityState.Active ? "active" : "deleted" };
        view["next_run"] = NextRun(job);
        view["cron_humanized"] = job.Triggers.Schedule ? $"Cron schedule {job.Schedule.Cron} (UTC)" : "Not scheduled";
        if (includeEnvironment)
        {
            view["environment"] = state.Environment(job.AccountId, job.EnvironmentId) is { } environment
                ? Environment(environment, job.AccountId)
                : null;
        }
        return view;
    }

    public static JsonObject Run(Run run) => new()
    {
        ["id"] = run.Id,
        ["account_id"] = run.AccountId,
        ["job_definition_id"] = run.JobDefinitionId,
        ["job_id"] = run.JobDefinitionId,
        ["project_id"] = run.ProjectId,
        ["environment_id"] = run.EnvironmentId,
        ["status"] = run.Status,
        ["status_humanized"] = RunStatus.Humanized(run.Status),
        ["cause"] = run.Cause,
        ["in_progress"] = run.Status is 1 or 2 or 3,
        ["is_complete"] = run.Status is 10 or 20 or 30,
        ["is_success"] = run.Status == 10,
        ["is_error"] = run.Status == 20,
        ["is_cancelled"] = run.Status == 30,
        ["created_at"] = run.CreatedAt,
        ["updated_at"] = run.UpdatedAt,
        ["finished_at"] = run.FinishedAt,
    };

    private static string? NextRun(Job job)
    {
        if (job.State != EntityState.Active || !job.Triggers.Schedule
            || !CronExpression.TryParse(job.Schedule.Cron, CronFormat.Standard, out var cron))
        {
            return null;
        }
        return cron.GetNextOccurrence(DateTimeOffset.UtcNow, TimeZoneInfo.Utc) is { } next ? Clock.Format(next) : null;
    }
}
