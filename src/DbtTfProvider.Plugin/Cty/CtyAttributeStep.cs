namespace DbtTfProvider.Plugin.Cty;

public sealed record CtyAttributeStep(string Name) : CtyPathStep
{
    public override string ToString() => "." + Name;
}
