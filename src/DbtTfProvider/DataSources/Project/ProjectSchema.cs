using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DataSources.Project;

/// <summary>The <c>dbtcloud_project</c> data source schema and the descriptions the docs are generated from.</summary>
internal static class ProjectSchema
{
    public static void Define(SchemaBuilder<ProjectModel> s)
    {
        s.Description(
            "Looks up a dbt Cloud project of the provider's account by its name, so that configurations name projects instead of " +
            "copying numeric ids from dbt Cloud URLs. The name must match exactly one project: otherwise `terraform plan` fails, " +
            "listing the projects' names (no match) or the ids of every project with that name (more than one).");
        s.String("name", m => ref m.Name).Required().LengthAtLeast(1)
            .Description("The project's name as dbt Cloud shows it; it matches exactly (case and spaces included).");
        s.String("id", m => ref m.Id).Computed()
            .Description("The project's numeric id, as a string.");
        s.Int64("project_id", m => ref m.ProjectId).Computed()
            .Description("The project's numeric id, e.g. for `project_id` of `dbtcloud_artifacts_job` or of a token's permissions.");
        s.String("description", m => ref m.Description).Computed()
            .Description("The project's description in dbt Cloud (empty when it has none).");
    }
}
