using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.ServiceToken;

public sealed class ServiceTokenModel
{
    public TfString Id;
    public TfInt64 AccountId;
    public TfString Uid;
    public TfString Name;
    public TfString TokenString;
    public TfSet<ServiceTokenPermissionModel> Permissions;
    public TfMap<TfString> RotationTriggers;
}

/// <summary>One <c>service_token_permissions</c> block: one grant of the token.</summary>
public sealed class ServiceTokenPermissionModel
{
    public TfString PermissionSet;
    public TfBool AllProjects;
    public TfInt64 ProjectId;
    public TfSet<TfString> WritableEnvironmentCategories;

    public override string ToString() => $"{PermissionSet} on {(AllProjects.ValueOrNull == true ? "all projects" : $"project {ProjectId}")}";
}
