using DbtTfProvider.Datafold;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.DbtCloud;

namespace DbtTfProvider.Resources.DbtIntegration;

/// <summary>
/// The <c>datafold_dbt_integration</c> schema. Descriptions quote the labels of Datafold's form (Settings → Integrations →
/// CI → dbt Cloud); <c>ApiName</c> is the field of the (assumed) CI-config API each attribute is sent as, so that a
/// rejection of that field is reported on the attribute.
/// </summary>
internal static class DbtIntegrationSchema
{
    public const string Token = "dbt_cloud_api_token";
    public const string TokenWriteOnly = "dbt_cloud_api_token_wo";
    public const string TokenWriteOnlyVersion = "dbt_cloud_api_token_wo_version";
    public const string ApiKeyField = "dbt_cloud.api_key";
    public const string DefaultHostUrl = DbtCloudHostUrl.DefaultAccessUrl;
    public static readonly string[] BaseCommitStrategies = ["merge_base", "latest"];

    public static void Define(ResourceSchemaBuilder<DbtIntegrationModel> s)
    {
        s.Description(
            "Datafold's dbt Cloud CI integration (a \"CI config\"): Datafold diffs the data changed by each pull request, using the " +
            "artifacts of a dbt Cloud job. It needs a dbt Cloud service token (e.g. `dbtcloud_service_token`, permission set `member`) " +
            "and the job that produces production artifacts (e.g. `dbtcloud_artifacts_job`).\n\n" +
            "The dbt Cloud token cannot be read back from Datafold, so a token changed in Datafold's UI is not detected as drift; every " +
            "other attribute is read back and drift shows on that attribute. A new token (a rotated `dbtcloud_service_token`) is sent " +
            "in the same apply as an in-place update.\n\n" +
            "**Import** by the CI config id (shown in Datafold after the integration is saved), e.g. `terraform import " +
            "datafold_dbt_integration.ci 123`. The token is not imported: after the import `dbt_cloud_api_token` is null in state, so " +
            "the next plan shows an in-place update that sets it from the configuration. With `dbt_cloud_api_token_wo`, set " +
            "`dbt_cloud_api_token_wo_version` (or change it) to send the token after an import.\n\n" +
            "The Datafold API for CI configs used here is not published by Datafold; see the provider's README for the assumed contract.");

        s.String("id", m => ref m.Id).Computed().UseStateForUnknown()
            .Description("The CI config id (\"CI config id\" in Datafold), used by `datafold-sdk` and Datafold's CI API. Import with this id.");
        s.Int64("organization_id", m => ref m.OrganizationId).Computed().UseStateForUnknown()
            .Description("The Datafold organization the CI config lives in: the API key's organization when it was created or imported. " +
                         "A plan under a provider whose API key belongs to another organization fails, naming both, instead of taking the " +
                         "CI config for deleted.");
        s.String("name", m => ref m.Name).Required().ObjectName(CiConfigsClient.MaxNameLength)
            .Description("Configuration name: a label for this integration, unique in the Datafold organisation.");
        s.Int64("repository_id", m => ref m.RepositoryId).Required().Range(1, null).ApiName("repo_id")
            .Description("Repository: id of the Datafold repository integration (GitHub or GitLab, set up in Datafold beforehand) " +
                         "that holds the dbt project and whose pull requests Datafold comments on.");
        s.Int64("data_source_id", m => ref m.DataSourceId).Required().Range(1, null)
            .Description("Data connection: id of the Datafold data source (warehouse) that the dbt project writes to.");
        s.Int64("dbt_cloud_account_id", m => ref m.DbtCloudAccountId).Required().Range(1, null).ApiName("dbt_cloud.account_id")
            .Description("Account: the dbt Cloud account id (the number after `/accounts/` or `/deploy/` in dbt Cloud URLs). " +
                         "The token must be able to see it.");
        s.String("dbt_cloud_host_url", m => ref m.DbtCloudHostUrl).Optional().Default(DefaultHostUrl).ApiName("dbt_cloud.host_url")
            // Datafold sends the token to this URL: plain http only to loopback, and never credentials in it (looked for first).
            // The same forms as the dbt Cloud provider's host_url, so one address can feed both.
            .Check("an https:// URL (http:// only for loopback hosts), without credentials, in one of the accepted forms", DbtCloudHostUrl.AccessUrlProblem)
            .Description("dbt Cloud access URL that Datafold calls: e.g. `https://emea.dbt.com`, `https://au.dbt.com` or a single-tenant URL. " +
                         "The same forms as the dbt Cloud provider's `host_url` are accepted (`https://HOST`, `https://HOST/api`, " +
                         "`https://HOST/api/v2`, `https://HOST/api/v3`); Datafold is sent `https://HOST`, and the state keeps the form " +
                         $"written here, so either form plans no change. Default: `\"{DefaultHostUrl}\"`.");

        s.String(Token, m => ref m.DbtCloudApiToken).Optional().Sensitive().ApiName(ApiKeyField)
            .Description("API key: the dbt Cloud service token Datafold uses to read jobs and artifacts, typically " +
                         "`dbtcloud_service_token.<name>.token_string`. Stored in state (marked sensitive). Datafold never returns it, so " +
                         "it is not checked for drift; a new value is sent as an in-place update. Exactly one of `dbt_cloud_api_token` " +
                         "and `dbt_cloud_api_token_wo` must be set. Null in state after an import.");
        s.String(TokenWriteOnly, m => ref m.DbtCloudApiTokenWo).Optional().Sensitive().WriteOnly().ApiName(ApiKeyField)
            .Description("The same API key as `dbt_cloud_api_token`, as a write-only attribute: sent to Datafold but never stored in " +
                         "plan or state (Terraform 1.11 or later; it may come from an ephemeral value). Terraform cannot see when it " +
                         "changes: it is sent on create, and on update only when `dbt_cloud_api_token_wo_version` changes.");
        s.Int64(TokenWriteOnlyVersion, m => ref m.DbtCloudApiTokenWoVersion).Optional()
            .Description("Any number; change it (e.g. increment it) to send the current `dbt_cloud_api_token_wo` to Datafold again, " +
                         "after rotating the token. Only used together with `dbt_cloud_api_token_wo`.");

        s.Int64("artifacts_job_id", m => ref m.ArtifactsJobId).Required().Range(1, null).ApiName("dbt_cloud.artifacts_job_id")
            .Description("Job that creates dbt artifacts: the dbt Cloud job whose runs produce the production `manifest.json` " +
                         "that pull requests are compared with (e.g. `dbtcloud_artifacts_job.<name>.job_id`: `dbt compile` hourly, " +
                         "or a merge job). It must be an active job of `dbt_cloud_account_id`.");
        s.Int64("pull_request_job_id", m => ref m.PullRequestJobId).Optional().Range(1, null).ApiName("dbt_cloud.ci_job_id")
            .Description("Job that builds pull requests: the dbt Cloud CI job (triggered by pull requests) whose artifacts describe " +
                         "the pull request's build. Leave it out if dbt Cloud's CI job is not used.");
        s.String("primary_key_tag", m => ref m.PrimaryKeyTag).Optional().Default("primary-key").LengthAtLeast(1)
            .Description("Primary key tag: the dbt tag that marks a model's primary key columns (primary keys are also inferred " +
                         "from uniqueness tests). Default: `\"primary-key\"`.");

        s.Bool("enabled", m => ref m.Enabled).Optional().Default(true)
            .Description("Enable Datafold in CI/CD: `false` keeps the integration but stops Datafold from running on pull requests. Default: `true`.");
        s.Bool("import_dbt_metadata", m => ref m.ImportDbtMetadata).Optional().Default(false)
            .Description("Import dbt tags and descriptions into Datafold's catalog on every push to production. Default: `false`.");
        s.Bool("slim_diff", m => ref m.SlimDiff).Optional().Default(false)
            .Description("Slim Diff: diff only the models modified by the pull request (downstream Hightouch models are still " +
                         "diffed). Default: `false`.");
        s.Bool("diff_hightouch_models", m => ref m.DiffHightouchModels).Optional().Default(false)
            .Description("Diff Hightouch models that depend on the changed dbt models. Default: `false`.");
        s.Bool("fail_on_primary_key_issues", m => ref m.FailOnPrimaryKeyIssues).Optional().Default(false)
            .Description("CI fails on primary key issues: null or duplicate primary keys fail the Datafold check. Default: `false`.");
        s.Bool("require_label", m => ref m.RequireLabel).Optional().Default(false)
            .Description("Pull Request Label: run Datafold only on pull requests that carry the `datafold` label. Default: `false`.");
        s.Bool("fail_on_errors", m => ref m.FailOnErrors).Optional().Computed().UseStateForUnknown()
            .Description("Mark the CI check as failed on errors; with `false`, errors are reported as success. " + LegacyField);

        s.Int64("diff_threshold", m => ref m.DiffThreshold).Optional().Range(0, null)
            .Description("CI Diff Threshold: skip automatic diffs when a run would diff more than this many models. " +
                         "Leave it out for no limit.");
        s.List("files_to_ignore", m => ref m.FilesToIgnore).Optional().Default(TfList<TfString>.Empty)
            .Description("Files to ignore, in `.gitignore` syntax (`!` negates a pattern). When every file a pull request changes " +
                         "matches, Datafold does not run. Default: `[]`.");
        s.String("custom_base_branch", m => ref m.CustomBaseBranch).Optional().LengthAtLeast(1)
            .Description("Custom base branch: run only for pull requests into this branch. Leave it out for the repository's default branch.");
        s.String("base_commit_strategy", m => ref m.BaseCommitStrategy).Optional().Computed().UseStateForUnknown().OneOf(BaseCommitStrategies)
            .Description("Base branch commit selection strategy: `\"merge_base\"` (the pull request's merge base; right when CI runs on " +
                         "the pull request's head, as GitLab does) or `\"latest\"` (the base branch's latest commit; right when CI builds " +
                         "a merge commit, as GitHub Actions does). " + LegacyField);

        s.SingleBlock("sampling", m => ref m.Sampling, DefineSampling)
            .Description("Sampling settings for the diffs of this integration (Datafold's tolerance-based sampling). Not on Datafold's " +
                         "current dbt Cloud integration page (it is on its dbt Core and API integration pages): sent only when the block " +
                         "is written, and read back only then. Leave the block out to use the data connection's defaults.");

        s.Validate($"Exactly one of `{Token}` and `{TokenWriteOnly}` must be set.", CheckOneToken);
    }

    /// <summary>
    /// Exactly one token. None is what an import's generated configuration has (Datafold never returns the key), and
    /// what a reference to an imported token's null <c>token_string</c> gives: the message says why and what to write.
    /// </summary>
    private static void CheckOneToken(DbtIntegrationModel m, ObjectValidationContext context)
    {
        if (m.DbtCloudApiToken.IsUnknown || m.DbtCloudApiTokenWo.IsUnknown) return;
        if (m.DbtCloudApiToken.IsKnown && m.DbtCloudApiTokenWo.IsKnown)
        {
            foreach (var name in new[] { Token, TokenWriteOnly })
                context.AddAttributeError(name, "Conflicting attributes",
                    $"Exactly one of {Token}, {TokenWriteOnly} must be set; {Token} and {TokenWriteOnly} are both set. Remove one of them.");
            return;
        }
        if (m.DbtCloudApiToken.IsNull && m.DbtCloudApiTokenWo.IsNull)
            context.AddAttributeError(Token, "Missing dbt Cloud API token",
                $"Datafold needs the dbt Cloud service token it reads jobs and artifacts with, and neither {Token} nor {TokenWriteOnly} " +
                "has a value. The key is never readable after it was created, neither from Datafold nor from dbt Cloud, so an import " +
                "(and a configuration generated from one) cannot fill it in, and the token_string of an imported dbtcloud_service_token " +
                $"is null. Give the key: set {Token} to it (e.g. from a sensitive variable), or use the write-only {TokenWriteOnly} " +
                "(Terraform 1.11 or later; never stored in state). To use a dbtcloud_service_token managed here, reference a token " +
                "this configuration created, or replace an imported one (terraform apply -replace=ADDRESS) to get a new secret into state.");
    }

    /// <summary>
    /// Said on the fields the current dbt Cloud integration page of Datafold's docs no longer shows (they come from its
    /// older page and its dbt Core and API integration pages).
    /// </summary>
    private const string LegacyField =
        "Not on Datafold's current dbt Cloud integration page (it is on its older one and on its dbt Core or API integration " +
        "pages): sent only when set; left out, Datafold keeps its own value (read back into state).";

    /// <summary>
    /// The "Advanced settings: Sampling" of Datafold's dbt Core and API integration pages: "Enable sampling", tolerance,
    /// confidence and threshold. The bounds are those Datafold's published API file gives a data diff's
    /// sampling_tolerance and sampling_confidence.
    /// </summary>
    private static void DefineSampling(SchemaBuilder<DbtIntegrationSamplingModel> b)
    {
        b.Bool("enabled", m => ref m.Enabled).Optional().Default(true)
            .Description("Enable sampling (Datafold's \"Enable sampling\"): diff a sample of large tables instead of every row. " +
                         "Default: `true` (`false` keeps the settings below but diffs every row).");
        b.Number("tolerance", m => ref m.Tolerance).Optional().Between(0, 1)
            .Description("Sampling tolerance: the largest share of rows with primary key errors before sampling is turned off, " +
                         "greater than 0 and less than 1 (e.g. `0.001` = 0.1%). Leave it out for the warehouse's default.");
        b.Number("confidence", m => ref m.Confidence).Optional().Between(0, 100)
            .Description("Sampling confidence level in percent, greater than 0 and less than 100 (e.g. `95`, `99`, `99.9`). Leave it " +
                         "out for the warehouse's default.");
        b.Int64("threshold", m => ref m.Threshold).Optional().Range(1, null)
            .Description("Sampling threshold: tables with fewer rows than this are diffed in full. Leave it out for the warehouse's default.");
    }
}
