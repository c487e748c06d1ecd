using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class StepModel
{
    public TfString Command;
    public TfInt64 Timeout;
}
