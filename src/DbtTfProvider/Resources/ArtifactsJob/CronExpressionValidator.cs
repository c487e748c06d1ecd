using Cronos;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week, UTC), as dbt Cloud's custom_cron
/// schedules take it: checked at validate time so that a typo fails before any API call, with the attribute named.
/// Cronos parses it; macros (<c>@hourly</c>) and a sixth (seconds) field are rejected because dbt Cloud takes neither.
/// Of the non-standard characters, dbt Cloud's scheduler documents only <c>L</c>, as the whole day-of-month field
/// (the last day of the month; dbt Labs' "Deploy jobs" page, "Cron schedule"); <c>W</c>, <c>#</c>, <c>?</c> and
/// <c>L</c> elsewhere are refused, though Cronos would parse them. An expression that matches no date (the 31st of
/// February) is refused too: the job would never run.
/// </summary>
public sealed class CronExpressionValidator : KnownValueValidator
{
    public static readonly CronExpressionValidator Instance = new();

    private const string Fields = "Fields are minute (0-59), hour (0-23), day of month (1-31 or L, the last day), month (1-12) and day of week (0-6, 0 = Sunday).";

    public override string Description =>
        "A five-field cron expression: `minute hour day-of-month month day-of-week`, in UTC (e.g. `0 * * * *` for every hour).";

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        if (Problem(value.AsString()) is { } problem)
            context.AddError("Invalid cron expression", $"{context.AttributeName} {problem}");
    }

    /// <summary>Null when <paramref name="expression"/> is a valid five-field cron, else what completes "ATTRIBUTE …".</summary>
    public static string? Problem(string expression)
    {
        var quoted = DisplayText.Quote(expression);
        if (DisplayText.HasHidden(expression))
            return $"holds a character other than a plain space between its fields: {quoted} (a no-break space, \\u00A0, often comes " +
                   "with a copied example). Separate the fields with plain spaces.";
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            return $"must have five fields (minute hour day-of-month month day-of-week), but {quoted} has {fields.Length}. " +
                   "For every hour at minute 0, write \"0 * * * *\".";
        if (Unsupported(fields) is { } unsupported)
            return $"uses {unsupported} in {quoted}, which dbt Cloud's scheduler does not take: of the special characters it " +
                   "accepts only L, as the whole day-of-month field (the last day of the month, e.g. \"0 0 L * *\"). " + Fields;
        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(expression, CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            return $"is not a valid cron expression: {quoted} ({e.Message.TrimEnd('.')}). " + Fields;
        }
        return cron.GetNextOccurrence(DateTime.UtcNow) is null
            ? $"never fires: no date matches {quoted} (the day of month does not occur in the month, such as the 31st of " +
              "February), so the job would never run on schedule. Check the day-of-month and month fields."
            : null;
    }

    /// <summary>The first special character dbt Cloud does not document, in words, or null.</summary>
    private static string? Unsupported(string[] fields)
    {
        if (fields.Any(f => f.Contains('?'))) return "\"?\"";
        var dayOfMonth = fields[2].ToUpperInvariant();
        if (dayOfMonth.Contains('W')) return "\"W\" (nearest weekday)";
        if (dayOfMonth.Contains('L') && dayOfMonth != "L") return $"\"{fields[2]}\" in the day-of-month field";
        var dayOfWeek = fields[4].ToUpperInvariant();
        if (dayOfWeek.Contains('#')) return "\"#\" (nth weekday of the month)";
        // Day names (SUN ... SAT) hold no L, so an L here is Cronos's "last weekday of the month".
        if (dayOfWeek.Contains('L')) return "\"L\" in the day-of-week field";
        return null;
    }
}
