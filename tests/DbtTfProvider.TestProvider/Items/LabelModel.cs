using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.TestProvider.Items;

public sealed class LabelModel
{
    public TfString Value;
}
