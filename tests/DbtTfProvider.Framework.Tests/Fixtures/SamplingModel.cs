using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class SamplingModel
{
    public TfBool Enabled;
    public TfNumber Tolerance;
}
