using Cronos;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>Schedule vocabulary, cron validation and the effective cron that the server fills in.</summary>
internal static class ScheduleRules
{
    public static readonly string[] DateTypes = ["every_day", "days_of_week", "custom_cron", "interval_cron"];
    public static readonly string[] TimeTypes = ["every_hour", "at_exact_hours"];

    /// <summary>
    /// Five fields (minute hour day-of-month month day-of-week), UTC; null when valid, else the reason. dbt Labs' "Deploy
    /// jobs" page documents <c>L</c> (the last day of the month) as the day-of-month field and no other special
    /// character; that the scheduler refuses <c>W</c>, <c>#</c>, <c>?</c>, <c>L</c> elsewhere and an expression that
    /// never fires (the 31st of February) is a reconstruction.
    /// </summary>
    public static string? CronProblem(string expression)
    {
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"invalid cron expression '{expression}': expected 5 fields (minute hour day-of-month month day-of-week), got {fields.Length}";
        }
        var dayOfMonth = fields[2].ToUpperInvariant();
        var dayOfWeek = fields[4].ToUpperInvariant();
        if (expression.Contains('?') || dayOfMonth.Contains('W') || (dayOfMonth.Contains('L') && dayOfMonth != "L")
            || dayOfWeek.Contains('#') || dayOfWeek.Contains('L'))
        {
            return $"invalid cron expression '{expression}': unsupported special character";
        }
        if (!CronExpression.TryParse(expression, CronFormat.Standard, out var cron))
        {
            return $"invalid cron expression '{expression}'";
        }
        return cron.GetNextOccurrence(DateTime.UtcNow) is null ? $"cron expression '{expression}' never runs" : null;
    }

    public static string EffectiveCron(Job job)
    {
        var date = job.Schedule.Date;
        if (date.Type is "custom_cron" or "interval_cron")
        {
            return date.Cron ?? "";
        }
        var time = job.Schedule.Time;
        var (minute, hour) = time.Type == "at_exact_hours"
            ? ("0", string.Join(',', (time.Hours ?? []).Distinct().Order()))
            : ("0", time.Interval is null or 1 ? "*" : $"*/{time.Interval}");
        var dayOfWeek = date.Type == "days_of_week" ? string.Join(',', (date.Days ?? []).Distinct().Order()) : "*";
        return $"{minute} {hour} * * {dayOfWeek}";
    }

    /// <summary>What the service infers when job_type is left out.</summary>
    public static string InferJobType(JobTriggers triggers) =>
        triggers.GitProviderWebhook || triggers.GithubWebhook ? "ci"
        : triggers.OnMerge ? "merge"
        : triggers.Schedule ? "scheduled"
        : "other";
}
