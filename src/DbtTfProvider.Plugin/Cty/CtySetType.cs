namespace DbtTfProvider.Plugin.Cty;

public sealed class CtySetType(CtyType element) : CtyCollectionType(element)
{
    public override string FriendlyName => $"set of {Element.FriendlyName}";
}
