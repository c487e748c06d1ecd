using System.Text.Json.Nodes;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary>
/// <c>run_after_statuses</c> as dbt Cloud keeps it: run status codes (10 success, 20 error, 30 cancelled) in the job
/// completion trigger's condition. A job without a completion trigger reads as the default (<c>["success"]</c>), so that
/// leaving both attributes unset plans nothing.
/// </summary>
public sealed class RunStatusesConverter : IApiFieldConverter
{
    public static readonly RunStatusesConverter Instance = new();

    public const string Path = "job_completion_trigger_condition.condition.statuses";

    /// <summary>The names the attribute takes, with dbt Cloud's run status codes.</summary>
    public static readonly IReadOnlyList<(string Name, int Code)> Statuses = [("success", 10), ("error", 20), ("cancelled", 30)];

    public static readonly string[] DefaultStatuses = ["success"];

    private static readonly ApiPathConverter Codes = new(Path);

    public void Write(CtyValue value, JsonObject apiObject) =>
        Codes.Write(value.IsNull ? value : CtyValue.Set(CtyType.Number, value.Elements.Select(e => CtyValue.Number(Statuses.First(s => s.Name == e.AsString()).Code))),
            apiObject);

    public CtyValue Read(JsonObject apiObject, CtyType type)
    {
        var codes = Codes.Read(apiObject, CtyType.Set(CtyType.Number));
        var names = codes.IsNull
            ? DefaultStatuses
            : codes.Elements.Select(c => Statuses.FirstOrDefault(s => s.Code == c.AsNumber().ToInt64()).Name ?? c.AsNumber().ToString());
        return CtyValue.Set(CtyType.String, names.Select(CtyValue.String));
    }
}
