namespace DbtTfProvider.Plugin.Cty;

public sealed class CtyPrimitiveType : CtyType
{
    internal CtyPrimitiveType(CtyPrimitiveKind kind) => Kind = kind;
    public CtyPrimitiveKind Kind { get; }
    public override bool Equals(CtyType? other) => other is CtyPrimitiveType p && p.Kind == Kind;
    public override int GetHashCode() => (int)Kind + 1;
    public override string FriendlyName => Kind switch
    {
        CtyPrimitiveKind.String => "string",
        CtyPrimitiveKind.Number => "number",
        _ => "bool",
    };
}
