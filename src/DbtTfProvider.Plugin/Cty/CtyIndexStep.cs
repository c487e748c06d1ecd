namespace DbtTfProvider.Plugin.Cty;

public sealed record CtyIndexStep(long Index) : CtyPathStep
{
    public override string ToString() => $"[{Index}]";
}
