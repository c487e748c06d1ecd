using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Http;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.DataSources.Environment;

/// <summary><c>data "dbtcloud_environment"</c>: an environment of a project, found by name.</summary>
public sealed class EnvironmentDataSource : DataSource<EnvironmentModel, DbtCloudClient>
{
    public override string TypeName => "dbtcloud_environment";

    protected override void DefineSchema(SchemaBuilder<EnvironmentModel> schema) => EnvironmentSchema.Define(schema);

    public override async Task ReadAsync(ReadDataSourceContext<EnvironmentModel, DbtCloudClient> context)
    {
        var client = context.Client;
        var projectId = context.Config.ProjectId.Value;
        IReadOnlyList<DbtEnvironment> environments;
        try
        {
            environments = await client.Environments.ListAsync(projectId, context.CancellationToken);
        }
        catch (DbtCloudApiException e) when (e.Kind == ApiErrorKind.NotFound)
        {
            // dbt Cloud also answers 404 for a project the token may not see: say both.
            throw new ResourceException("Project not found",
                $"dbt Cloud account {client.AccountId} has no project {projectId}, or the token cannot see it ({e.Summary}). " +
                "Check project_id, e.g. look the project up by name with the dbtcloud_project data source.",
                CtyPath.Attribute("project_id"), e);
        }
        var environment = NameLookup.Single(environments, context.Config.Name.Value, e => e.Name, e => e.Id, "environment", $"dbt Cloud project {projectId}");
        context.Result.Id = NumericIds.Format(environment.Id);
        context.Result.EnvironmentId = environment.Id;
        context.Result.Type = environment.Type;
        context.Result.DeploymentType = environment.DeploymentType;
        context.Result.DbtVersion = environment.DbtVersion;
    }
}
