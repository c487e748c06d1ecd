using DbtTfProvider.Framework.Values;
using DbtTfProvider.Resources.Jobs;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary><c>dbtcloud_artifacts_job</c> as Terraform sees it; see <see cref="ArtifactsJobSchema"/> for each attribute.</summary>
public sealed class ArtifactsJobModel : JobModel
{
    public TfString ScheduleCron;
    public TfBool ScheduleEnabled;
    public TfBool RunOnMerge;
    public TfBool GenerateDocs;
    public TfBool RunGenerateSources;
    public TfBool TriggerRunOnCreate;
    public TfInt64 RunAfterJobId;
    public TfSet<TfString> RunAfterStatuses;
}
