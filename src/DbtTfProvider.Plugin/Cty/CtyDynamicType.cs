namespace DbtTfProvider.Plugin.Cty;

public sealed class CtyDynamicType : CtyType
{
    internal CtyDynamicType() { }
    public override bool Equals(CtyType? other) => other is CtyDynamicType;
    public override int GetHashCode() => 17;
    public override string FriendlyName => "dynamic";
}
