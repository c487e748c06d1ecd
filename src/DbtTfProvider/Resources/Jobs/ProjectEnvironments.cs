using System.Globalization;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Resources;

namespace DbtTfProvider.Resources.Jobs;

/// <summary>
/// The plan-time check of a job's environments: one read of the project's environments (documented list; a 404 in
/// dbt Cloud's words means no such project), then each environment attribute checked against it, every failure at its
/// attribute, naming the ids and listing what the project has.
/// </summary>
public sealed class ProjectEnvironments
{
    private readonly IReadOnlyList<DbtEnvironment> _environments;
    private readonly long _projectId;

    private ProjectEnvironments(long projectId, IReadOnlyList<DbtEnvironment> environments) => (_projectId, _environments) = (projectId, environments);

    /// <summary>The project's environments, or null after failing <c>project_id</c> when the project cannot be seen.</summary>
    public static async Task<ProjectEnvironments?> ReadAsync<TModel>(ServiceCheckContext<TModel, DbtCloudClient> context) where TModel : JobModel
    {
        var projectId = context.Plan.ProjectId.Value;
        try
        {
            return new ProjectEnvironments(projectId, await context.Client.Environments.ListAsync(projectId, context.CancellationToken));
        }
        catch (DbtCloudApiException e) when (e.IsServiceNotFound)
        {
            context.Fail("project_id", "Project not found",
                $"dbt Cloud account {context.Client.AccountId} has no project {projectId} that the provider's token can see ({e.Summary.TrimEnd('.')}). " +
                "Use the number in the project's URL (…/projects/12345). Nothing was written.");
            return null;
        }
    }

    /// <summary>
    /// The environment <paramref name="environmentId"/> of the project, or null after failing <paramref name="attribute"/>
    /// when the project has no such environment.
    /// </summary>
    public DbtEnvironment? Find<TModel>(ServiceCheckContext<TModel, DbtCloudClient> context, string attribute, long environmentId) where TModel : class
    {
        if (_environments.FirstOrDefault(e => e.Id == environmentId) is { } found) return found;
        context.Fail(attribute, "Environment not in the project",
            string.Create(CultureInfo.InvariantCulture, $"{attribute} {environmentId} is not an environment of project_id {_projectId}: {Listing()}. ") +
            "dbt Cloud refuses a job whose environment belongs to another project. Nothing was written.");
        return null;
    }

    /// <summary>Fails <paramref name="attribute"/> because <paramref name="environment"/> is of the wrong kind, saying which kind is needed.</summary>
    public void WrongKind<TModel>(ServiceCheckContext<TModel, DbtCloudClient> context, string attribute, DbtEnvironment environment, string needed) where TModel : class =>
        context.Fail(attribute, "Wrong kind of environment",
            string.Create(CultureInfo.InvariantCulture, $"{attribute} {environment.Id} ({environment.Name}) is {KindOf(environment)}; {needed}. ") +
            $"The project's environments are {Listing()}. Nothing was written.");

    private static string KindOf(DbtEnvironment e) =>
        e.Type == "deployment" ? $"a deployment environment of deployment type {e.DeploymentType ?? "general"}" : $"a {e.Type ?? "development"} environment";

    private string Listing() => _environments.Count == 0
        ? "it has no environments"
        : "its environments are " + string.Join(", ", _environments.Take(20).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id} ({e.Name})")));
}
