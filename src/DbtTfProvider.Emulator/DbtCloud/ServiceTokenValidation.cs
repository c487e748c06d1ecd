using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>The service-token and grant rules of the spec.</summary>
internal static class ServiceTokenValidation
{
    /// <summary>dbt Cloud's words, typo included (sources: this project's README).</summary>
    public const string GrantsAlreadyAssigned =
        "Service token permissions cannot be updated after assigment. Please create a new service token.";

    /// <summary>
    /// Keys of a create body: CreateServiceTokenRequest of the v3 spec (name, permission_grants, metadata_only,
    /// webhooks_only) plus account_id and state, which dbt Labs' client sends.
    /// </summary>
    public static readonly string[] CreateFields = ["name", "permission_grants", "metadata_only", "webhooks_only", "account_id", "state"];

    /// <summary>Query parameters the token list and grant list take: the spec's state and include_related, and offset to page.</summary>
    public static readonly string[] ListQueryParameters = ["state", "offset", "include_related"];

    /// <summary>Query parameters outside <see cref="ListQueryParameters"/>, e.g. limit (dbt Cloud answers 400).</summary>
    public static List<string> UnexpectedQueryParameters(HttpRequest request) =>
        request.Query.Keys.Where(key => !ListQueryParameters.Contains(key)).ToList();

    public static readonly string[] PermissionSets =
    [
        "owner", "member", "account_admin", "security_admin", "billing_admin", "admin", "database_admin",
        "git_admin", "team_admin", "job_admin", "job_runner", "job_viewer", "job_creator", "analyst", "analyst_read",
        "developer", "stakeholder", "readonly", "project_creator", "account_viewer", "metadata_only",
        "semantic_layer_only", "webhooks_only", "scim_only", "fusion_admin", "cost_management_viewer",
        "cost_management_admin", "cost_insights_viewer", "cost_insights_admin", "manage_marketplace_apps",
        "notification_manager",
    ];

    public static readonly string[] EnvironmentCategories = ["all", "development", "staging", "production", "other"];

    /// <summary>The name of a create or rename body (and, on create, the account and state it may repeat).</summary>
    public static string? ReadName(FieldReader reader, JsonNode? body, int accountId, bool creating)
    {
        var root = reader.Root(body);
        var name = root.String("name", Presence.Required);
        if (name is not null && name.Trim().Length == 0)
        {
            root.Fail("name", "length of value must be at least 1");
        }
        else if (name is not null && name.Length > JobValidation.MaxNameLength)
        {
            root.Fail("name", $"length of value must be at most {JobValidation.MaxNameLength}");
        }
        if (creating)
        {
            if (root.Int("account_id", Presence.Optional) is { } bodyAccount && bodyAccount != accountId)
            {
                root.Fail("account_id", $"must be the account of the URL ({accountId})");
            }
            if (root.Int("state", Presence.Optional) is { } state && state != EntityState.Active)
            {
                root.Fail("state", "value must be one of [1]");
            }
        }
        return name;
    }

    /// <summary>
    /// The <c>permission_grants</c> of a create body (v3 ServiceTokenPermissionGrant: permission_set, project_id, absent
    /// for all projects, writable_environment_categories), as grants of a token still to be made.
    /// </summary>
    public static List<ServiceTokenGrant> ReadPermissionGrants(FieldReader reader, FieldReader rules, JsonNode? body, int accountId, EmulatorState state)
    {
        var grants = new List<ServiceTokenGrant>();
        var root = reader.Root(body);
        if (!root.Has("permission_grants"))
        {
            return grants;
        }
        var items = root.ObjectList("permission_grants", Presence.Optional);
        foreach (var item in items ?? [])
        {
            item.AllowOnly("permission_set", "project_id", "writable_environment_categories");
            var permissionSet = item.OneOf("permission_set", Presence.Required, PermissionSets);
            var projectId = item.Int("project_id", Presence.Optional);
            var categories = ReadCategories(item, reader);
            if (projectId is { } project && state.Project(accountId, project) is null)
            {
                rules.Add(item.PathOf("project_id"), rules.Messages.Invalid($"Project {project} does not exist in account {accountId}."));
            }
            if (permissionSet is not null)
            {
                grants.Add(new ServiceTokenGrant
                {
                    AccountId = accountId,
                    PermissionSet = permissionSet,
                    AllProjects = projectId is null,
                    ProjectId = projectId,
                    WritableEnvironmentCategories = categories,
                });
            }
        }
        return grants;
    }

    private static List<string> ReadCategories(ObjectReader item, FieldReader reader)
    {
        var categories = item.StringList("writable_environment_categories", Presence.Optional) ?? [];
        for (var i = 0; i < categories.Count; i++)
        {
            if (!EnvironmentCategories.Contains(categories[i]))
            {
                item.Fail(["writable_environment_categories", i], reader.Messages.NotOneOf(EnvironmentCategories).Message);
            }
        }
        return categories;
    }

    /// <summary>The grants of a permissions POST, shape first; <paramref name="rules"/> collects business-rule failures.</summary>
    public static List<ServiceTokenGrant>? ReadGrants(FieldReader reader, FieldReader rules, JsonNode? body,
        ServiceToken token, EmulatorState state)
    {
        var items = reader.RootList(body);
        if (items is null)
        {
            return null;
        }
        var grants = new List<ServiceTokenGrant>();
        foreach (var item in items)
        {
            var permissionSet = item.OneOf("permission_set", Presence.Required, PermissionSets);
            var allProjects = item.Bool("all_projects", Presence.Required);
            // Integers and lists in the spec, not nullable: an all-projects grant leaves project_id out.
            var projectId = item.Int("project_id", Presence.Optional);
            var categories = ReadCategories(item, reader);
            if (item.Int("account_id", Presence.Optional) is { } bodyAccount && bodyAccount != token.AccountId)
            {
                item.Fail("account_id", $"must be the account of the URL ({token.AccountId})");
            }
            if (item.Int("service_token_id", Presence.Optional) is { } bodyToken && bodyToken != token.Id)
            {
                item.Fail("service_token_id", $"must be the service token of the URL ({token.Id})");
            }
            if (allProjects == false && projectId is null && item.Exists)
            {
                item.Fail("project_id", "project_id is required when all_projects is false");
            }
            if (allProjects == false && projectId is { } project && state.Project(token.AccountId, project) is null)
            {
                rules.Add(item.PathOf("project_id"), rules.Messages.Invalid($"Project {project} does not exist in account {token.AccountId}."));
            }
            if (permissionSet is null || allProjects is null)
            {
                continue;
            }
            grants.Add(new ServiceTokenGrant
            {
                AccountId = token.AccountId,
                ServiceTokenId = token.Id,
                PermissionSet = permissionSet,
                AllProjects = allProjects.Value,
                // A grant on all projects names none, whatever the request said.
                ProjectId = allProjects.Value ? null : projectId,
                WritableEnvironmentCategories = categories,
            });
        }
        return grants;
    }
}
