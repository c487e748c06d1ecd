namespace DbtTfProvider.Plugin.Cty;

public sealed class CtyListType(CtyType element) : CtyCollectionType(element)
{
    public override string FriendlyName => $"list of {Element.FriendlyName}";
}
