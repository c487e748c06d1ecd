using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.DataSources.Project;

public sealed class ProjectModel
{
    public TfString Name;
    public TfString Id;
    public TfInt64 ProjectId;
    public TfString Description;
}
