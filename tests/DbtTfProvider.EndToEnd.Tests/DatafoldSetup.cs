namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The configuration most end-to-end tests start from, written once: the dbt Cloud service token for Datafold, the
/// artifacts job and the Datafold integration that uses both (the setup README.md describes). Each piece takes only
/// what tests vary; the defaults are the emulator's seed (project 10, environment 100, repository 3, data source 7).
/// </summary>
internal static class DatafoldSetup
{
    /// <summary>Token, job and integration, wired together as a user writes them.</summary>
    public static string All => Token() + Job() + Integration();

    /// <summary>A token with one <c>member</c> grant; <paramref name="grant"/> is the grant's scope line(s).</summary>
    public static string Token(string label = "datafold", string name = "Datafold CI", string grant = "all_projects   = true") => $$"""
        resource "dbtcloud_service_token" "{{label}}" {
          name = "{{name}}"
          service_token_permissions {
            permission_set = "member"
            {{grant}}
          }
        }

        """;

    public static string Job(string label = "datafold", int project = 10, int environment = 100) => $$"""
        resource "dbtcloud_artifacts_job" "{{label}}" {
          project_id     = {{project}}
          environment_id = {{environment}}
        }

        """;

    /// <summary>
    /// The integration; <paramref name="token"/> and <paramref name="artifactsJob"/> are HCL expressions (a reference or
    /// a literal), <paramref name="extraLines"/> further argument lines as written (<c>dbt_cloud_host_url   = "…"</c>).
    /// </summary>
    public static string Integration(string name = "dbt Cloud CI", string token = "dbtcloud_service_token.datafold.token_string",
        string artifactsJob = "dbtcloud_artifacts_job.datafold.job_id", int repository = 3, int dataSource = 7, params string[] extraLines) =>
        $$"""
        resource "datafold_dbt_integration" "ci" {
          name                 = "{{name}}"
          repository_id        = {{repository}}
          data_source_id       = {{dataSource}}
          dbt_cloud_account_id = 1
          dbt_cloud_api_token  = {{token}}
          artifacts_job_id     = {{artifactsJob}}

        """ + string.Concat(extraLines.Select(line => "  " + line + "\n")) + "}\n\n";
}
