using DbtTfProvider.Framework.Values;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.CiJob;

/// <summary><c>dbtcloud_ci_job</c> as Terraform sees it; see <see cref="CiJobSchema"/> for each attribute.</summary>
public sealed class CiJobModel : JobModel
{
    public TfInt64 DeferringEnvironmentId;
    public TfBool RunOnPullRequests;
    public TfBool TriggersOnDraftPr;
    public TfBool RunCompareChanges;
    public TfString CompareChangesFlags;
    public TfBool RunLint;
    public TfBool ErrorsOnLintFailure;
}
