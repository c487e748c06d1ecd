using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.DataSources.Environment;

public sealed class EnvironmentModel
{
    public TfInt64 ProjectId;
    public TfString Name;
    public TfString Id;
    public TfInt64 EnvironmentId;
    public TfString Type;
    public TfString DeploymentType;
    public TfString DbtVersion;
}
