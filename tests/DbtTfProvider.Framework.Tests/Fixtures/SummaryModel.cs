using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class SummaryModel
{
    public TfInt64 Steps;
}
