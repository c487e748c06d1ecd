using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Tests;

/// <summary>Datafold CI config bodies.</summary>
public static class CiConfigs
{
    public static JsonObject DbtCloud(string apiKey, int artifactsJobId, string name = "dbt Cloud CI", int account = 1) => new()
    {
        ["name"] = name,
        ["repo_id"] = 3,
        ["data_source_id"] = 7,
        ["dbt_cloud"] = new JsonObject
        {
            ["account_id"] = account,
            ["api_key"] = apiKey,
            ["artifacts_job_id"] = artifactsJobId,
        },
    };
}
