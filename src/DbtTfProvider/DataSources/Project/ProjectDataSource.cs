using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DataSources.Project;

/// <summary><c>data "dbtcloud_project"</c>: a project of the account, found by name.</summary>
public sealed class ProjectDataSource : DataSource<ProjectModel, DbtCloudClient>
{
    public override string TypeName => "dbtcloud_project";

    protected override void DefineSchema(SchemaBuilder<ProjectModel> schema) => ProjectSchema.Define(schema);

    public override async Task ReadAsync(ReadDataSourceContext<ProjectModel, DbtCloudClient> context)
    {
        var client = context.Client;
        var projects = await client.Projects.ListAsync(context.CancellationToken);
        var project = NameLookup.Single(projects, context.Config.Name.Value, p => p.Name, p => p.Id, "project", $"dbt Cloud account {client.AccountId}");
        context.Result.Id = NumericIds.Format(project.Id);
        context.Result.ProjectId = project.Id;
        context.Result.Description = project.Description ?? "";
    }
}
