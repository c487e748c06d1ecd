using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.Jobs;

/// <summary>
/// What every dbt Cloud job resource of this provider holds: its identity and the settings any job has. Each resource's
/// model adds its own settings; <see cref="JobSchema"/> declares these fields once for all of them.
/// </summary>
public abstract class JobModel
{
    public TfString Id;
    public TfInt64 AccountId;
    public TfInt64 JobId;
    public TfInt64 ProjectId;
    public TfInt64 EnvironmentId;
    public TfString Name;
    public TfString Description;
    public TfList<TfString> ExecuteSteps;
    public TfString DbtVersion;
    public TfInt64 NumThreads;
    public TfString TargetName;
    public TfInt64 TimeoutSeconds;
    public TfString JobUrl;
}
