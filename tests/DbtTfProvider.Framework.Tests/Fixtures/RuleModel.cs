using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class RuleModel
{
    public TfString Key;
    public TfString Value;
    public TfString RuleId;
}
