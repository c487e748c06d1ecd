namespace DbtTfProvider.Plugin.Cty;

public sealed class CtyMapType(CtyType element) : CtyCollectionType(element)
{
    public override string FriendlyName => $"map of {Element.FriendlyName}";
}
