using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.TestProvider.Items;

public sealed class TagModel
{
    public TfString Key;
    public TfString Value;
}
