using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.DbtIntegration;

public sealed class DbtIntegrationModel
{
    public TfString Id;
    public TfInt64 OrganizationId;
    public TfString Name;
    public TfInt64 RepositoryId;
    public TfInt64 DataSourceId;
    public TfInt64 DbtCloudAccountId;
    public TfString DbtCloudHostUrl;
    public TfString DbtCloudApiToken;
    public TfString DbtCloudApiTokenWo;
    public TfInt64 DbtCloudApiTokenWoVersion;
    public TfInt64 ArtifactsJobId;
    public TfInt64 PullRequestJobId;
    public TfString PrimaryKeyTag;
    public TfBool Enabled;
    public TfBool ImportDbtMetadata;
    public TfBool SlimDiff;
    public TfBool DiffHightouchModels;
    public TfBool FailOnPrimaryKeyIssues;
    public TfBool RequireLabel;
    public TfBool FailOnErrors;
    public TfInt64 DiffThreshold;
    public TfList<TfString> FilesToIgnore;
    public TfString CustomBaseBranch;
    public TfString BaseCommitStrategy;
    public TfObject<DbtIntegrationSamplingModel> Sampling;
}
