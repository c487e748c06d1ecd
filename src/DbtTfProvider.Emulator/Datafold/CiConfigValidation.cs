using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Datafold;

/// <summary>
/// The CI-config rules of the spec: pydantic-style shape (defaults per the spec's table, null only where the type
/// says "or null"), then references in the organisation, then the cross-check against the dbt Cloud side.
/// </summary>
internal static class CiConfigValidation
{
    /// <summary>The longest CI config name (reconstructed: Datafold's OpenAPI file and form give none).</summary>
    public const int MaxNameLength = 255;

    public static readonly string[] BaseCommitStrategies = ["merge_base", "latest"];

    /// <summary>A config from a create or whole-object update body; the api key is required only on create.</summary>
    public static CiConfig? Read(FieldReader reader, JsonNode? body, bool creating)
    {
        var root = reader.Root(body);
        if (!root.Exists)
        {
            return null;
        }
        var config = new CiConfig
        {
            Name = root.String("name", Presence.Required) ?? "",
            RepoId = root.Int("repo_id", Presence.Required) ?? 0,
            DataSourceId = root.Int("data_source_id", Presence.Required) ?? 0,
            PrimaryKeyTag = root.String("primary_key_tag", Presence.Optional) ?? "primary-key",
            Enabled = root.Bool("enabled", Presence.Optional) ?? true,
            ImportDbtMetadata = root.Bool("import_dbt_metadata", Presence.Optional) ?? false,
            SlimDiff = root.Bool("slim_diff", Presence.Optional) ?? false,
            DiffHightouchModels = root.Bool("diff_hightouch_models", Presence.Optional) ?? false,
            FailOnPrimaryKeyIssues = root.Bool("fail_on_primary_key_issues", Presence.Optional) ?? false,
            RequireLabel = root.Bool("require_label", Presence.Optional) ?? false,
            DiffThreshold = root.Int("diff_threshold", Presence.Nullable),
            FilesToIgnore = root.StringList("files_to_ignore", Presence.Optional) ?? [],
            CustomBaseBranch = root.String("custom_base_branch", Presence.Nullable),
            BaseCommitStrategy = root.OneOf("base_commit_strategy", Presence.Optional, BaseCommitStrategies) ?? "merge_base",
            FailOnErrors = root.Bool("fail_on_errors", Presence.Optional) ?? true,
        };
        if (root.Has("name") && config.Name.Length == 0)
        {
            root.Fail("name", ("String should have at least 1 character", "string_too_short"));
        }
        else if (config.Name.Length > MaxNameLength)
        {
            // Reconstructed: Datafold documents no limit; pydantic's wording for a max_length, as for the minimum above.
            root.Fail("name", ($"String should have at most {MaxNameLength} characters", "string_too_long"));
        }

        var dbtCloud = root.Object("dbt_cloud", Presence.Required);
        config.DbtCloud = new CiDbtCloud
        {
            HostUrl = dbtCloud.String("host_url", Presence.Optional) ?? "https://cloud.getdbt.com",
            AccountId = dbtCloud.Int("account_id", Presence.Required) ?? 0,
            ApiKey = dbtCloud.String("api_key", creating ? Presence.Required : Presence.Optional),
            ArtifactsJobId = dbtCloud.Int("artifacts_job_id", Presence.Required) ?? 0,
            CiJobId = dbtCloud.Int("ci_job_id", Presence.Nullable),
        };

        // Datafold calls {host_url}/api/v2/...: an access URL with a path (the Admin API's ".../api", say) would make
        // every call go to ".../api/api/v2" and fail, so it is refused when saved.
        if (dbtCloud.Has("host_url") && !IsAccessUrl(config.DbtCloud.HostUrl))
        {
            dbtCloud.Fail("host_url", "must be the dbt Cloud access URL, scheme and host only (e.g. https://cloud.getdbt.com)");
        }

        var sampling = root.Object("sampling", Presence.Nullable);
        if (sampling.Exists)
        {
            // The form's "Advanced settings: Sampling" (Datafold's dbt Core and API integration pages). The contract
            // assumes each may be left out, none may be null.
            config.Sampling = new CiSampling
            {
                Enabled = sampling.Bool("enabled", Presence.Optional) ?? false,
                Tolerance = sampling.Number("tolerance", Presence.Optional),
                Confidence = sampling.Number("confidence", Presence.Optional),
                Threshold = sampling.Int("threshold", Presence.Optional),
            };
            // Datafold's published OpenAPI bounds datadiff's sampling_tolerance and sampling_confidence exclusively; that
            // the CI config's sampling takes the same bounds is a reconstruction (its API is not published).
            if (config.Sampling.Tolerance is { } tolerance && tolerance is not (> 0 and < 1))
                sampling.Fail("tolerance", "must be greater than 0 and less than 1");
            if (config.Sampling.Confidence is { } confidence && confidence is not (> 0 and < 100))
                sampling.Fail("confidence", "must be greater than 0 and less than 100");
        }
        return config;
    }

    private static bool IsAccessUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && !url.EndsWith('/');

    /// <summary>
    /// Repository and data source of the organisation; then, as Datafold's UI does with the key, the dbt Cloud side:
    /// the key must be an active service token of the account with at least one grant (or a seeded admin token that
    /// sees the account), and the jobs active jobs of that account.
    /// </summary>
    public static List<FieldError> CheckReferences(EmulatorState state, int organizationId, CiConfig config)
    {
        var rules = new FieldReader(DatafoldFieldMessages.Instance);
        void Broken(object[] path, string reason) => rules.Add(path, rules.Messages.Invalid(reason));
        if (state.Repository(organizationId, config.RepoId) is null)
        {
            Broken(["repo_id"], $"Repository {config.RepoId} not found in this organization");
        }
        if (state.DataSource(organizationId, config.DataSourceId) is null)
        {
            Broken(["data_source_id"], $"Data source {config.DataSourceId} not found in this organization");
        }
        var accountId = config.DbtCloud.AccountId;
        if (ApiKeyProblem(state, config.DbtCloud.ApiKey ?? "", accountId) is { } keyProblem)
        {
            Broken(["dbt_cloud", "api_key"], keyProblem);
        }
        foreach (var (field, jobId) in new[] { ("artifacts_job_id", (int?)config.DbtCloud.ArtifactsJobId), ("ci_job_id", config.DbtCloud.CiJobId) })
        {
            if (jobId is { } id && !(state.Jobs.TryGetValue(id, out var job) && job.AccountId == accountId && job.State == EntityState.Active))
            {
                Broken(["dbt_cloud", field], $"Job {id} is not an active job of dbt Cloud account {accountId}");
            }
        }
        return rules.Errors;
    }

    private static string? ApiKeyProblem(EmulatorState state, string apiKey, int accountId)
    {
        if (state.Seed.DbtCloud.AdminTokens.FirstOrDefault(t => t.Token == apiKey) is { } admin)
        {
            return admin.AccountIds.Contains(accountId) ? null : $"The dbt Cloud API key cannot access account {accountId}";
        }
        return state.ServiceTokenBySecret(apiKey) switch
        {
            null => "The dbt Cloud API key is not a valid dbt Cloud token",
            { State: not EntityState.Active } => "The dbt Cloud API key belongs to a deleted service token",
            { AccountId: var tokenAccount } when tokenAccount != accountId =>
                $"The dbt Cloud API key belongs to account {tokenAccount}, not account {accountId}",
            { Grants: null or { Count: 0 } } => "The dbt Cloud API key has no permissions; grant it 'member' or 'developer'",
            _ => null,
        };
    }
}
