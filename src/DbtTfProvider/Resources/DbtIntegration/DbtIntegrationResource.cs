using System.Globalization;
using DbtTfProvider.Datafold;
using DbtTfProvider.Datafold.CiConfigContract;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Http;
using DbtTfProvider.Plugin.Cty;
using static DbtTfProvider.Resources.DbtIntegration.DbtIntegrationSchema;

namespace DbtTfProvider.Resources.DbtIntegration;

/// <summary>
/// <c>datafold_dbt_integration</c>: one Datafold CI config of type dbt_cloud. Every change is an in-place update (the
/// whole config is PUT); the dbt Cloud token is write-only on Datafold's side, so it is sent only when it changed.
/// </summary>
public sealed class DbtIntegrationResource : Resource<DbtIntegrationModel, DatafoldClient>, IImportableResource<DbtIntegrationModel, DatafoldClient>
{
    public override string TypeName => "datafold_dbt_integration";

    protected override void DefineSchema(ResourceSchemaBuilder<DbtIntegrationModel> schema) => DbtIntegrationSchema.Define(schema);

    public override void ValidateConfig(ValidateConfigContext<DbtIntegrationModel> context)
    {
        var config = context.Config;
        // ExactlyOneOf waits while a token is unknown; a known second token already makes two.
        if ((config.DbtCloudApiToken.IsUnknown && config.DbtCloudApiTokenWo.IsKnown) || (config.DbtCloudApiTokenWo.IsUnknown && config.DbtCloudApiToken.IsKnown))
            foreach (var name in new[] { Token, TokenWriteOnly })
                context.Diagnostics.AddAttributeError(name, "Conflicting attributes",
                    $"Exactly one of {Token}, {TokenWriteOnly} must be set; {Token} and {TokenWriteOnly} are both set.");
        if (config.DbtCloudApiTokenWoVersion.IsKnown && config.DbtCloudApiTokenWo.IsNull)
            context.Diagnostics.AddAttributeWarning(CtyPath.Attribute(TokenWriteOnlyVersion), "Attribute has no effect",
                $"{TokenWriteOnlyVersion} only decides when {TokenWriteOnly} is sent again; {TokenWriteOnly} is not set, so it is ignored.");
    }

    /// <summary>
    /// Datafold refuses a data source the organisation does not have, and the key's user cannot use one it may not
    /// access: the plan says so already, and warns on a paused one. A name another CI config holds (names are unique in
    /// the organisation) and a host without CI integrations (Datafold's current app) fail the plan of a new integration,
    /// both from one read of the CI-config list. Repositories have no documented Datafold endpoint, so
    /// <c>repository_id</c> is left to the apply.
    /// </summary>
    public override IReadOnlyList<ServiceCheck<DbtIntegrationModel, DatafoldClient>> ServiceChecks { get; } =
        [new(["data_source_id"], CheckDataSourceAsync), new(["name"], CheckNameAsync)];

    private static async Task CheckNameAsync(ServiceCheckContext<DbtIntegrationModel, DatafoldClient> context)
    {
        var name = context.Plan.Name.Value;
        DbtCloudCiConfig? holder;
        try
        {
            holder = await context.Client.CiConfigs.FindByNameAsync(name, context.CancellationToken);
        }
        catch (DatafoldApiException e) when (e.Kind == ApiErrorKind.NotServed)
        {
            context.Diagnostics.AddError("CI integrations not served by this Datafold host", $"{e.Summary}. Nothing was written.");
            return;
        }
        if (holder is not { Id: { } holderId }) return;
        if (!context.IsCreate && context.Plan.Id.ValueOrNull == holderId.ToString(CultureInfo.InvariantCulture)) return;
        context.Fail("name", "Name already taken",
            string.Create(CultureInfo.InvariantCulture, $"CI config {holderId} of Datafold organisation {context.Client.OrganizationId} is already named \"{name}\", ") +
            "and Datafold keeps one CI config per name. Choose another name, or import that config. Nothing was written.");
    }

    private static async Task CheckDataSourceAsync(ServiceCheckContext<DbtIntegrationModel, DatafoldClient> context)
    {
        var id = context.Plan.DataSourceId.Value;
        var organisation = context.Client.OrganizationId is { } known
            ? string.Create(CultureInfo.InvariantCulture, $"Datafold organisation {known}")
            : "the API key's Datafold organisation";
        DataSource source;
        try
        {
            source = await context.Client.DataSources.GetAsync(id, context.CancellationToken);
        }
        catch (DatafoldApiException e) when (e.IsServiceNotFound)
        {
            context.Fail("data_source_id", "Data source not found",
                string.Create(CultureInfo.InvariantCulture, $"{organisation} has no data source {id} ") +
                $"({e.Summary.TrimEnd('.')}). Use the id shown in Datafold's data source settings. Nothing was written.");
            return;
        }
        if (!source.Accessible)
            context.Fail("data_source_id", "Data source not accessible",
                string.Create(CultureInfo.InvariantCulture, $"Data source {id} (\"{source.Name}\") of {organisation} is not accessible to the ") +
                "user of the provider's API key: Datafold lets a user use a data source only as an admin or as a member of one of its " +
                "groups. Use a service-account API key with access to it, or add the key's user to one of the data source's groups. " +
                "Nothing was written.");
        else if (source.IsPaused == true)
            context.Diagnostics.AddAttributeWarning(CtyPath.Attribute("data_source_id"), "Data source is paused",
                string.Create(CultureInfo.InvariantCulture, $"Data source {id} (\"{source.Name}\") is paused in Datafold: the integration ") +
                "is saved, but Datafold runs nothing on a paused data source until it is resumed.");
    }

    /// <summary>One read of the CI-config list: a host whose route does not exist serves no CI integrations.</summary>
    public override async Task CreateAsync(CreateContext<DbtIntegrationModel, DatafoldClient> context)
    {
        var plan = context.Plan;
        var body = ToApi(plan, TokenToSend(plan, context.Config, prior: null));
        var created = await MarkedCreates.CreateAsync(TypeName, context, () => context.Client.CiConfigs.CreateAsync(body, context.CancellationToken));
        KeptByDatafold(created, plan);
        plan.Id = (created.Id ?? throw new ResourceException("Datafold returned no id",
            $"Datafold created the CI config {DisplayText.Quote(plan.Name.Value)} but its answer has no id. Import it by the id shown in Datafold's CI settings.")).ToString(CultureInfo.InvariantCulture);
        context.State = plan;
    }

    public override async Task ReadAsync(ReadContext<DbtIntegrationModel, DatafoldClient> context)
    {
        var configs = context.Client.CiConfigs;
        var config = await configs.GetAsync(NumericIds.FromState(context.State.Id, TypeName), context.CancellationToken);
        await MarkedCreates.SweepAsync(context, "CI config", config.Id ?? 0, nonce => configs.FindMarkedAsync(nonce, context.CancellationToken),
            late => configs.DeleteAsync(late, context.CancellationToken));
        FromApi(config, context.State);
    }

    public override async Task UpdateAsync(UpdateContext<DbtIntegrationModel, DatafoldClient> context)
    {
        var plan = context.Plan;
        var body = ToApi(plan, TokenToSend(plan, context.Config, context.Prior));
        KeptByDatafold(await context.Client.CiConfigs.UpdateAsync(NumericIds.FromState(context.Prior.Id, TypeName), body, context.CancellationToken), plan);
        context.State = plan;
    }

    public override Task DeleteAsync(DeleteContext<DbtIntegrationModel, DatafoldClient> context) =>
        context.Client.CiConfigs.DeleteAsync(NumericIds.FromState(context.State.Id, TypeName), context.CancellationToken);

    public Task ImportAsync(ImportContext<DbtIntegrationModel, DatafoldClient> context)
    {
        var id = context.NumericId("its numeric CI config id (shown in Datafold's CI settings after the integration is saved)");
        context.State = new DbtIntegrationModel { Id = NumericIds.Format(id) };
        return Task.CompletedTask;
    }

    /// <summary>
    /// The token to send, or null to keep the one Datafold has: always on create; on update only when it changed, which
    /// for the write-only attribute Terraform cannot see, so its version attribute says so.
    /// </summary>
    private static string? TokenToSend(DbtIntegrationModel plan, DbtIntegrationModel config, DbtIntegrationModel? prior)
    {
        if (config.DbtCloudApiTokenWo.IsKnown)
            return prior is null || plan.DbtCloudApiTokenWoVersion != prior.DbtCloudApiTokenWoVersion || !prior.DbtCloudApiToken.IsNull
                ? config.DbtCloudApiTokenWo.Value
                : null;
        return plan.DbtCloudApiToken.IsKnown && (prior is null || plan.DbtCloudApiToken != prior.DbtCloudApiToken) ? plan.DbtCloudApiToken.Value : null;
    }

    private static DbtCloudCiConfig ToApi(DbtIntegrationModel m, string? apiKey) => new()
    {
        Name = m.Name.Value,
        RepoId = m.RepositoryId.Value,
        DataSourceId = m.DataSourceId.Value,
        DbtCloud = new DbtCloudCiSettings
        {
            // Datafold stores the access URL; the state keeps the form the configuration wrote (FromApi).
            HostUrl = DbtCloudHostUrl.AccessUrl(m.DbtCloudHostUrl.Value).Text ?? m.DbtCloudHostUrl.Value,
            AccountId = m.DbtCloudAccountId.Value,
            ApiKey = apiKey,
            ArtifactsJobId = m.ArtifactsJobId.Value,
            CiJobId = m.PullRequestJobId.ValueOrNull,
        },
        PrimaryKeyTag = m.PrimaryKeyTag.Value,
        Enabled = m.Enabled.Value,
        ImportDbtMetadata = m.ImportDbtMetadata.Value,
        SlimDiff = m.SlimDiff.Value,
        DiffHightouchModels = m.DiffHightouchModels.Value,
        FailOnPrimaryKeyIssues = m.FailOnPrimaryKeyIssues.Value,
        RequireLabel = m.RequireLabel.Value,
        FailOnErrors = m.FailOnErrors.ValueOrNull,
        DiffThreshold = m.DiffThreshold.ValueOrNull,
        FilesToIgnore = [.. m.FilesToIgnore.Values()],
        CustomBaseBranch = m.CustomBaseBranch.ValueOrNull,
        BaseCommitStrategy = m.BaseCommitStrategy.ValueOrNull,
        Sampling = m.Sampling.ValueOrNull is { } s
            ? new CiSampling
            {
                Enabled = s.Enabled.Value,
                Tolerance = s.Tolerance.DoubleOrNull,
                Confidence = s.Confidence.DoubleOrNull,
                Threshold = s.Threshold.ValueOrNull,
            }
            : null,
    };

    /// <summary>The fields sent only when set (DbtIntegrationSchema.LegacyField): left out, the state takes Datafold's value.</summary>
    private static void KeptByDatafold(DbtCloudCiConfig answer, DbtIntegrationModel plan)
    {
        if (plan.FailOnErrors.IsUnknown) plan.FailOnErrors = TfBool.OfNullable(answer.FailOnErrors);
        if (plan.BaseCommitStrategy.IsUnknown) plan.BaseCommitStrategy = TfString.OfNullable(answer.BaseCommitStrategy);
    }

    /// <summary>
    /// Everything Datafold returns, into the state (drift shows on the attribute). The token stays as it was: Datafold
    /// never returns it. A field missing from the answer keeps its state value; an "or null" field that is null is null.
    /// </summary>
    private static void FromApi(DbtCloudCiConfig c, DbtIntegrationModel state)
    {
        state.Name = c.Name;
        state.RepositoryId = c.RepoId;
        state.DataSourceId = c.DataSourceId;
        state.DbtCloudAccountId = c.DbtCloud.AccountId;
        // The same address in another accepted form (https://HOST/api for https://HOST) is no drift.
        if (c.DbtCloud.HostUrl is { } hostUrl && !DbtCloudHostUrl.SameAddress(hostUrl, state.DbtCloudHostUrl.ValueOrNull))
            state.DbtCloudHostUrl = hostUrl;
        state.ArtifactsJobId = c.DbtCloud.ArtifactsJobId;
        state.PullRequestJobId = c.DbtCloud.CiJobId;
        state.PrimaryKeyTag = c.PrimaryKeyTag ?? state.PrimaryKeyTag;
        state.Enabled = c.Enabled ?? state.Enabled;
        state.ImportDbtMetadata = c.ImportDbtMetadata ?? state.ImportDbtMetadata;
        state.SlimDiff = c.SlimDiff ?? state.SlimDiff;
        state.DiffHightouchModels = c.DiffHightouchModels ?? state.DiffHightouchModels;
        state.FailOnPrimaryKeyIssues = c.FailOnPrimaryKeyIssues ?? state.FailOnPrimaryKeyIssues;
        state.RequireLabel = c.RequireLabel ?? state.RequireLabel;
        state.FailOnErrors = c.FailOnErrors ?? state.FailOnErrors;
        state.DiffThreshold = c.DiffThreshold;
        state.FilesToIgnore = TfCollections.ListOfStrings(c.FilesToIgnore ?? []);
        state.CustomBaseBranch = c.CustomBaseBranch;
        state.BaseCommitStrategy = c.BaseCommitStrategy ?? state.BaseCommitStrategy;
        // Sent only when written (DbtIntegrationSchema), so read back only then: an integration whose configuration has no
        // block does not manage Datafold's sampling.
        state.Sampling = c.Sampling is { } s && state.Sampling.ValueOrNull is { } prior ? ToSampling(s, prior) : TfObject<DbtIntegrationSamplingModel>.Null;
    }

    private static DbtIntegrationSamplingModel ToSampling(CiSampling s, DbtIntegrationSamplingModel prior) => new()
    {
        Enabled = s.Enabled ?? prior.Enabled,
        Tolerance = SameNumber(s.Tolerance, prior.Tolerance),
        Confidence = SameNumber(s.Confidence, prior.Confidence),
        Threshold = s.Threshold,
    };

    /// <summary>The API's double, unless the prior value is the same number in Terraform's decimal form (0.1 stays 0.1).</summary>
    private static TfNumber SameNumber(double? read, TfNumber prior) =>
        read is { } r && prior.DoubleOrNull == r ? prior : TfNumber.OfNullable(read);
}
