using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbtTfProvider.DbtCloud;

/// <summary>
/// A job as the JSON object dbt Cloud exchanges, for callers that set its fields by their API names: a job read is turned
/// into its object, fields are set, and the object turned back into a job for the write. Fields <see cref="DbtJob"/> does
/// not model travel in its <c>ExtensionData</c> both ways.
/// </summary>
public static class DbtJobJson
{
    public static JsonObject ToJson(DbtJob job) => JsonSerializer.SerializeToNode(job, DbtCloudJsonContext.Default.DbtJob)!.AsObject();

    public static DbtJob FromJson(JsonObject job) =>
        job.Deserialize(DbtCloudJsonContext.Default.DbtJob) ?? throw new JsonException("a job object read as null");

    public static JsonNode ToJson(JobSchedule schedule) => JsonSerializer.SerializeToNode(schedule, DbtCloudJsonContext.Default.JobSchedule)!;

    /// <summary>A schedule from its JSON (null or missing: the default schedule).</summary>
    public static JobSchedule ScheduleFromJson(JsonNode? schedule) =>
        schedule?.Deserialize(DbtCloudJsonContext.Default.JobSchedule) ?? new JobSchedule();
}
