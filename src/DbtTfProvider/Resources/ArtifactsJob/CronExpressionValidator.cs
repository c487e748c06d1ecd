using Cronos;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week, UTC), as dbt Cloud's custom_cron
/// schedules take it: checked at validate time so that a typo fails before any API call, with the attribute named.
/// Cronos parses it; macros (<c>@hourly</c>) and a sixth (seconds) field are rejected because dbt Cloud takes neither.
/// </summary>
public sealed class CronExpressionValidator : KnownValueValidator
{
    public static readonly CronExpressionValidator Instance = new();

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
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            return $"must have five fields (minute hour day-of-month month day-of-week), but \"{expression}\" has {fields.Length}. " +
                   "For every hour at minute 0, write \"0 * * * *\".";
        try
        {
            CronExpression.Parse(expression, CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"is not a valid cron expression: \"{expression}\" ({e.Message.TrimEnd('.')}). " +
                   "Fields are minute (0-59), hour (0-23), day of month (1-31), month (1-12) and day of week (0-6, 0 = Sunday).";
        }
    }
}
