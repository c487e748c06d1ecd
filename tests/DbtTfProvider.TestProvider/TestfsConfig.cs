using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.TestProvider;

public sealed class TestfsConfig
{
    public TfString Root;
}
