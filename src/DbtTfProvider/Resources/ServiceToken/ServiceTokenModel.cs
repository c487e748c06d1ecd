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
