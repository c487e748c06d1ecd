using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class WidgetModel
{
    public TfString Id;
    public TfString Name;
    public TfString Mode;
    public TfString Kind;
    public TfString Secret;
    public TfString PasswordWo;
    public TfInt64 Size;
    public TfList<TfString> Steps;
    public TfSet<RuleModel> Rules;
    public TfObject<SamplingModel> Sampling;
}
