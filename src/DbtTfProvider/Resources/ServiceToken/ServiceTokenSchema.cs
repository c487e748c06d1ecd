using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;

namespace DbtTfProvider.Resources.ServiceToken;

/// <summary>The <c>dbtcloud_service_token</c> schema: attributes, rules and the descriptions the docs are generated from.</summary>
internal static class ServiceTokenSchema
{
    /// <summary>The permission sets dbt Cloud accepts (v3 <c>PermissionSetEnum</c>).</summary>
    public static readonly string[] PermissionSets =
    [
        "owner", "member", "account_admin", "security_admin", "billing_admin", "admin", "database_admin", "git_admin", "team_admin",
        "job_admin", "job_runner", "job_viewer", "job_creator", "analyst", "analyst_read", "developer", "stakeholder", "readonly",
        "project_creator", "account_viewer", "metadata_only", "semantic_layer_only", "webhooks_only", "scim_only", "fusion_admin",
        "cost_management_viewer", "cost_management_admin", "cost_insights_viewer", "cost_insights_admin", "manage_marketplace_apps",
        "notification_manager",
    ];

    public static readonly string[] EnvironmentCategories = ["all", "development", "staging", "production", "other"];

    public static void Define(ResourceSchemaBuilder<ServiceTokenModel> s)
    {
        s.Description(
            "A dbt Cloud service token: an account-level API credential with permission grants, e.g. the token Datafold uses to " +
            "read dbt Cloud (permission set `member` on all projects). Renaming it keeps the secret; any change to its permissions " +
            "or to `rotation_triggers` replaces it with a new token (dbt Cloud allows grants to be assigned only once). An imported " +
            "token is never replaced for taking on the configured `rotation_triggers`: adoption does not rotate.");

        s.String("id", m => ref m.Id).Computed().UseStateForUnknown()
            .Description("Numeric id of the token in dbt Cloud. Import with this id.");
        s.Int64("account_id", m => ref m.AccountId).Computed().UseStateForUnknown()
            .Description("The dbt Cloud account the token lives in: the provider's `account_id` when it was created or imported. A plan " +
                         "under a provider configured for another account fails, naming both, instead of taking the token for deleted.");
        s.String("uid", m => ref m.Uid).Computed().UseStateForUnknown()
            .Description("The token's short public identifier, as shown in dbt Cloud's list of service tokens.");
        s.String("name", m => ref m.Name).Required().ObjectName(ServiceTokensClient.MaxNameLength)
            .Description("Name of the token in dbt Cloud. Changing it renames the token in place; the secret stays the same.");
        s.String("token_string", m => ref m.TokenString).Computed().Sensitive().UseStateForUnknown()
            .Description("The secret, to pass to the service that authenticates with the token (e.g. `datafold_dbt_integration`). " +
                         "dbt Cloud returns it only when the token is created; it is kept in state from then on. " +
                         "**Null for an imported token**, whose secret cannot be read back: replace the token (`terraform apply " +
                         "-replace=ADDRESS`, or a change of `rotation_triggers` once they are set) to get a new one into state.");

        s.SetBlock("service_token_permissions", m => ref m.Permissions, DefinePermission)
            .MinItems(1).RequiresReplace()
            .Description("A permission grant of the token; at least one. Grants cannot be changed once assigned, so any change " +
                         "here replaces the token (and its secret).");

        // Null before (an imported token, or one created without triggers): the configured value is adopted in place.
        // Adopting an existing token must never rotate it.
        s.Map("rotation_triggers", m => ref m.RotationTriggers).Optional()
            .PlanModifier(ReplaceUnlessAdopted.Instance)
            .Description("Arbitrary values whose change replaces the token, rotating its secret: e.g. " +
                         "`{ rotation = time_rotating.yearly.id }` for a scheduled rotation, or a value you edit for rotation on demand. " +
                         "Setting it on a token that had none (an imported token, say) is an in-place update that rotates nothing.");
    }

    /// <summary>A change of <c>rotation_triggers</c> replaces the token, unless it had none before: adoption never rotates.</summary>
    private sealed class ReplaceUnlessAdopted : IPlanModifier
    {
        public static readonly ReplaceUnlessAdopted Instance = new();
        public string Description => "A change replaces the token, unless it had no `rotation_triggers` before.";
        public bool RequiresReplace(RequiresReplaceContext context) => !context.Prior.IsNull;
    }

    private static void DefinePermission(SchemaBuilder<ServiceTokenPermissionModel> p)
    {
        p.String("permission_set", g => ref g.PermissionSet).Required().OneOf(PermissionSets)
            .Description("The permission set granted, e.g. `member` (what Datafold needs), `developer`, `job_admin` or `readonly`. " +
                         "One of: " + string.Join(", ", PermissionSets.Select(v => $"`{v}`")) + ".");
        p.Bool("all_projects", g => ref g.AllProjects).Required()
            .Description("`true` grants the permission set on every project of the account (then leave `project_id` out); " +
                         "`false` grants it on the project `project_id` only.");
        p.Int64("project_id", g => ref g.ProjectId).Optional().Range(1, null)
            .Description("The project the permission set applies to. Required when `all_projects` is `false`, not allowed when it is `true`.");
        p.Set("writable_environment_categories", g => ref g.WritableEnvironmentCategories).Optional()
            .Each(new OneOfValidator(EnvironmentCategories))
            .Description("Environment types the token may write to: any of `all`, `development`, `staging`, `production`, `other`. " +
                         "Only meaningful for the `analyst`, `database_admin`, `developer`, `git_admin` and `team_admin` sets. " +
                         "Left out or `[]` (the same to dbt Cloud): no write access to any environment, only read access. " +
                         "`[\"all\"]`: write access to every environment. A token read back keeps the form you wrote; after an " +
                         "import, no write access reads as left out.");

        p.Validate("`project_id` is required when `all_projects` is false and not allowed when it is true.", (grant, context) =>
        {
            if (!grant.AllProjects.IsKnown || grant.ProjectId.IsUnknown) return;
            if (grant.AllProjects.Value && grant.ProjectId.IsKnown)
                context.AddAttributeError("project_id", "Conflicting attributes",
                    $"project_id ({grant.ProjectId.Value}) cannot be set when all_projects is true: a grant is either for all projects or for one. " +
                    "Remove project_id, or set all_projects = false.");
            else if (!grant.AllProjects.Value && grant.ProjectId.IsNull)
                context.AddAttributeError("project_id", "Missing required argument",
                    $"project_id is required when all_projects is false: name the project that the {Describe(grant)} grant applies to, or set all_projects = true.");
        });
    }

    private static string Describe(ServiceTokenPermissionModel grant) =>
        grant.PermissionSet.IsKnown ? $"\"{grant.PermissionSet.Value}\"" : "permission set";
}
