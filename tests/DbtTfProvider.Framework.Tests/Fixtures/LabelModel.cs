using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class LabelModel
{
    public TfString Value;
    public TfString Level;
}
