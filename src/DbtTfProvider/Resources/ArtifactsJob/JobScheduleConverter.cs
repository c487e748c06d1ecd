using System.Text.Json.Nodes;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// <c>schedule_cron</c> as dbt Cloud keeps it: a <c>schedule</c> object (custom_cron date, every-hour time). Read back,
/// a schedule set up differently in the UI (every day, days of week) is its effective cron, so drift shows as a cron.
/// </summary>
public sealed class JobScheduleConverter : IApiFieldConverter
{
    public static readonly JobScheduleConverter Instance = new();

    private const string Field = "schedule";

    public void Write(CtyValue value, JsonObject apiObject) =>
        // dbt Cloud wants a schedule even when it is paused.
        apiObject[Field] = DbtJobJson.ToJson(JobSchedule.CustomCron(value.AsString()));

    public CtyValue Read(JsonObject apiObject, CtyType type) => CtyValue.String(DbtJobJson.ScheduleFromJson(apiObject[Field]).Expression);
}
