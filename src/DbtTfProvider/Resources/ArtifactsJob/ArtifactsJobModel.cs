using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.ArtifactsJob;

/// <summary><c>dbtcloud_artifacts_job</c> as Terraform sees it; see <see cref="ArtifactsJobSchema"/> for each attribute.</summary>
public sealed class ArtifactsJobModel
{
    public TfString Id;
    public TfInt64 AccountId;
    public TfInt64 JobId;
    public TfInt64 ProjectId;
    public TfInt64 EnvironmentId;
    public TfString Name;
    public TfString Description;
    public TfList<TfString> ExecuteSteps;
    public TfString ScheduleCron;
    public TfBool ScheduleEnabled;
    public TfBool RunOnMerge;
    public TfString DbtVersion;
    public TfInt64 NumThreads;
    public TfString TargetName;
    public TfBool GenerateDocs;
    public TfBool RunGenerateSources;
    public TfInt64 TimeoutSeconds;
    public TfBool TriggerRunOnCreate;
    public TfString JobUrl;
}
