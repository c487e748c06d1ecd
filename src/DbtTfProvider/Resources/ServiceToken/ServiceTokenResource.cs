using System.Globalization;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.ServiceToken;

/// <summary><c>dbtcloud_service_token</c>: create, then grant; rename in place; any other change replaces (see the schema).</summary>
public sealed class ServiceTokenResource : Resource<ServiceTokenModel, DbtCloudClient>, IImportableResource<ServiceTokenModel, DbtCloudClient>
{
    private static readonly CtyPath PermissionsPath = CtyPath.Attribute("service_token_permissions");

    public override string TypeName => "dbtcloud_service_token";

    protected override void DefineSchema(ResourceSchemaBuilder<ServiceTokenModel> schema) => ServiceTokenSchema.Define(schema);

    /// <summary>dbt Cloud refuses a grant on a project the account does not have: the plan says so already.</summary>
    public override IReadOnlyList<ServiceCheck<ServiceTokenModel, DbtCloudClient>> ServiceChecks { get; } =
        [new(["service_token_permissions"], CheckGrantProjectsAsync)];

    /// <summary>
    /// One read (the account's projects) when a grant names a project. The error is at the grant's <c>project_id</c> when
    /// one grant is written, else at <c>service_token_permissions</c> (<see cref="SetBlockPaths"/>); the message names the
    /// grant and its project_id either way.
    /// </summary>
    private static async Task CheckGrantProjectsAsync(ServiceCheckContext<ServiceTokenModel, DbtCloudClient> context)
    {
        var named = context.Plan.Permissions.ElementsOrEmpty
            .Where(g => g.AllProjects.ValueOrNull == false && g.ProjectId.IsKnown).ToList();
        if (named.Count == 0) return;
        var at = SetBlockPaths.AttributeOf(PermissionsPath, context.Plan.Permissions.ElementsOrEmpty.Count, "project_id");
        var projects = (await context.Client.Projects.ListAsync(context.CancellationToken)).Select(p => p.Id).ToHashSet();
        foreach (var grant in named.Where(g => !projects.Contains(g.ProjectId.Value)).DistinctBy(g => (g.PermissionSet.ValueOrNull, g.ProjectId.Value)))
            context.Fail(at, "Project not found",
                string.Create(CultureInfo.InvariantCulture,
                    $"The \"{grant.PermissionSet.ValueOrNull}\" grant names project_id {grant.ProjectId.Value}, which is not a project of dbt Cloud account ") +
                string.Create(CultureInfo.InvariantCulture, $"{context.Client.AccountId} that the provider's token can see. ") +
                "Use the number in the project's URL (…/projects/12345), or all_projects = true. Nothing was written.");
    }

    /// <summary>dbt Cloud lets tokens share a name: a plan that creates one warns of an active token of the account that has it.</summary>
    public override NamesakeCheck<ServiceTokenModel, DbtCloudClient> NamesakeCheck { get; } = new()
    {
        Kind = "service token",
        Listing = "service tokens",
        Name = static m => m.Name.Value,
        Where = static (client, _) => string.Create(CultureInfo.InvariantCulture, $"dbt Cloud account {client.AccountId}"),
        ListAsync = static async (client, _, cancellationToken) => (await client.ServiceTokens.ListAsync(DbtObjectState.Active, cancellationToken))
            .Where(t => t.IsActive).Select(t => new Namesake(NumericIds.Format(t.Id), t.Name, t.CreatedAt)).ToList(),
    };

    public override async Task CreateAsync(CreateContext<ServiceTokenModel, DbtCloudClient> context)
    {
        var plan = context.Plan;
        var tokens = context.Client.ServiceTokens;
        var created = await MarkedCreates.CreateAsync(TypeName, context, () => tokens.CreateAsync(plan.Name.Value, context.CancellationToken));

        // The token exists from here on: into state now, so that a failure below leaves it tainted, never orphaned.
        var wanted = plan.Permissions;
        plan.Id = NumericIds.Format(created.Id);
        plan.Uid = created.Uid;
        plan.TokenString = created.TokenString;
        plan.Permissions = TfSet<ServiceTokenPermissionModel>.Empty;
        context.State = plan;

        try
        {
            await tokens.AssignGrantsAsync(created.Id, wanted.Elements.Select(ToGrantSpec).ToList(), context.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var reason = context.Explain(e);
            throw new ResourceException("Service token created, but its permissions were not assigned",
                $"dbt Cloud created service token {created.Id} ({DisplayText.Quote(created.Name)}) but assigning its permission grants failed: {reason} " +
                "The token is kept in state as tainted, without permissions, so the next apply replaces it.", PermissionsPath, e);
        }
        plan.Permissions = wanted;
    }

    public override async Task ReadAsync(ReadContext<ServiceTokenModel, DbtCloudClient> context)
    {
        var state = context.State;
        var id = NumericIds.FromState(state.Id, TypeName);
        var tokens = context.Client.ServiceTokens;
        await MarkedCreates.SweepAsync(context, "Service token", id, nonce => tokens.FindMarkedAsync(nonce, context.CancellationToken),
            late => tokens.DeleteAsync(late, context.CancellationToken));
        // The token and its grants at once: a plan refreshes every token, and two calls in a row double its latency.
        var tokenRead = tokens.GetAsync(id, context.CancellationToken);
        var grantsRead = tokens.ListGrantsAsync(id, context.CancellationToken);
        try
        {
            await Task.WhenAll(tokenRead, grantsRead);
        }
        catch (Exception) when (tokenRead.IsFaulted)
        {
            // The token's own error (a confirmed "gone" included) wins over the grants', as when the calls ran in turn.
        }
        var token = await tokenRead;
        var grants = await grantsRead;

        state.Name = token.Name;
        state.Uid = token.Uid ?? state.Uid;
        // token_string cannot be read back: the prior value stays.
        state.Permissions = ToPermissions(grants, state.Permissions);
    }

    public override async Task UpdateAsync(UpdateContext<ServiceTokenModel, DbtCloudClient> context)
    {
        // Everything but the name replaces the token, so an update is a rename.
        var plan = context.Plan;
        if (plan.Name != context.Prior.Name)
            await context.Client.ServiceTokens.RenameAsync(NumericIds.FromState(context.Prior.Id, TypeName), plan.Name.Value, context.CancellationToken);
        context.State = plan;
    }

    public override Task DeleteAsync(DeleteContext<ServiceTokenModel, DbtCloudClient> context) =>
        context.Client.ServiceTokens.DeleteAsync(NumericIds.FromState(context.State.Id, TypeName), context.CancellationToken);

    public Task ImportAsync(ImportContext<ServiceTokenModel, DbtCloudClient> context)
    {
        var id = context.NumericId("its numeric id (e.g. 12345, the number in the token's dbt Cloud URL)");
        context.State = new ServiceTokenModel { Id = NumericIds.Format(id) };
        return Task.CompletedTask;
    }

    private static ServiceTokenGrantSpec ToGrantSpec(ServiceTokenPermissionModel p) => new(
        p.PermissionSet.Value,
        p.AllProjects.Value,
        p.AllProjects.Value ? null : p.ProjectId.ValueOrNull,
        p.WritableEnvironmentCategories.IsKnown ? [.. p.WritableEnvironmentCategories.Values()] : []);

    /// <summary>
    /// The grants in configuration form. dbt Cloud answers an empty list where the configuration may have left
    /// writable_environment_categories out or set it empty, so an element equal in meaning to a prior one keeps the
    /// prior form: an unchanged token reads back exactly as configured.
    /// </summary>
    private static TfSet<ServiceTokenPermissionModel> ToPermissions(IReadOnlyList<ServiceTokenGrant> grants, TfSet<ServiceTokenPermissionModel> prior)
    {
        var priorElements = prior.ElementsOrEmpty;
        return TfSet<ServiceTokenPermissionModel>.Of(grants
            .Where(g => g.State is null or DbtObjectState.Active)
            .Select(g =>
            {
                var read = new ServiceTokenPermissionModel
                {
                    PermissionSet = g.PermissionSet,
                    AllProjects = g.AllProjects,
                    ProjectId = g.AllProjects ? TfInt64.Null : TfInt64.OfNullable(g.ProjectId),
                    WritableEnvironmentCategories = g.WritableEnvironmentCategories.Count == 0
                        ? TfSet<TfString>.Null
                        : TfCollections.SetOfStrings(g.WritableEnvironmentCategories),
                };
                return priorElements.FirstOrDefault(p => SameMeaning(p, read)) ?? read;
            })
            .Distinct(ModelEquality<ServiceTokenPermissionModel>.Comparer));
    }

    private static bool SameMeaning(ServiceTokenPermissionModel a, ServiceTokenPermissionModel b) =>
        a.PermissionSet == b.PermissionSet && a.AllProjects == b.AllProjects && a.ProjectId == b.ProjectId &&
        Categories(a).SetEquals(Categories(b));

    /// <summary>
    /// What a grant's categories mean (src/DbtTfProvider.DbtCloud/CONTRACT.md): left out and [] are both "no write access"; a set with "all" is
    /// write access everywhere, whatever else it names.
    /// </summary>
    private static HashSet<string> Categories(ServiceTokenPermissionModel p)
    {
        HashSet<string> categories = p.WritableEnvironmentCategories.IsKnown ? [.. p.WritableEnvironmentCategories.Values()] : [];
        return categories.Contains(AllEnvironments) ? [AllEnvironments] : categories;
    }

    private const string AllEnvironments = "all";


}
