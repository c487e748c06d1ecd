using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.TestProvider.Items;

public sealed class OwnerModel
{
    public TfString Name;
    public TfString Team;
}
