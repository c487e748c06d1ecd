using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.ServiceToken;

/// <summary>One <c>service_token_permissions</c> block: one grant of the token.</summary>
public sealed class ServiceTokenPermissionModel
{
    public TfString PermissionSet;
    public TfBool AllProjects;
    public TfInt64 ProjectId;
    public TfSet<TfString> WritableEnvironmentCategories;

    public override string ToString() => $"{PermissionSet} on {(AllProjects.ValueOrNull == true ? "all projects" : $"project {ProjectId}")}";
}
