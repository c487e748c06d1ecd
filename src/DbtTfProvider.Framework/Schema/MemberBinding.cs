using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

internal sealed class MemberBinding<TModel, TField>(
    string name,
    FieldRef<TModel, TField> field,
    Func<TField, CtyPath, CtyValue> encode,
    Func<CtyValue, CtyPath, TField> decode) : IMemberBinding<TModel>
{
    public string Name { get; } = name;
    public CtyValue Encode(TModel model, CtyPath path) => encode(field(model), path.Attr(Name));
    public void Decode(TModel model, CtyValue value, CtyPath path) => field(model) = decode(value, path.Attr(Name));
    public bool FieldEquals(TModel a, TModel b) => EqualityComparer<TField>.Default.Equals(field(a), field(b));
    public int FieldHash(TModel model) => EqualityComparer<TField>.Default.GetHashCode(field(model)!);
}
