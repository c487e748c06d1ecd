namespace DbtTfProvider.Plugin.Cty;

public sealed record CtyKeyStep(string Key) : CtyPathStep
{
    public override string ToString() => $"[\"{Key}\"]";
}
