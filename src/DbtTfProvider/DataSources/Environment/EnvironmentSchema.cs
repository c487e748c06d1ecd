using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DataSources.Environment;

/// <summary>The <c>dbtcloud_environment</c> data source schema and the descriptions the docs are generated from.</summary>
internal static class EnvironmentSchema
{
    public static void Define(SchemaBuilder<EnvironmentModel> s)
    {
        s.Description(
            "Looks up an environment of a dbt Cloud project by its name (e.g. `Production`), for the `environment_id` of " +
            "`dbtcloud_artifacts_job`. The name must match exactly one environment of the project: otherwise `terraform plan` " +
            "fails, listing the project's environment names (no match) or the ids of every environment with that name (more than one).");
        s.Int64("project_id", m => ref m.ProjectId).Required().Range(1, null)
            .Description("Numeric id of the project the environment belongs to, e.g. `data.dbtcloud_project.NAME.project_id`.");
        s.String("name", m => ref m.Name).Required().LengthAtLeast(1)
            .Description("The environment's name as dbt Cloud shows it; it matches exactly (case and spaces included).");
        s.String("id", m => ref m.Id).Computed()
            .Description("The environment's numeric id, as a string.");
        s.Int64("environment_id", m => ref m.EnvironmentId).Computed()
            .Description("The environment's numeric id, e.g. for `environment_id` of `dbtcloud_artifacts_job`.");
        s.String("type", m => ref m.Type).Computed()
            .Description("`deployment` (jobs run there) or `development` (the IDE's).");
        s.String("deployment_type", m => ref m.DeploymentType).Computed()
            .Description("For a deployment environment, `production` or `staging`; null otherwise, or when none is set.");
        s.String("dbt_version", m => ref m.DbtVersion).Computed()
            .Description("The dbt version the environment runs, e.g. `latest` or `1.9.0-latest`.");
    }
}
