using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

internal interface IMemberBinding<in TModel>
{
    string Name { get; }
    CtyValue Encode(TModel model, CtyPath path);
    void Decode(TModel model, CtyValue value, CtyPath path);
    bool FieldEquals(TModel a, TModel b);
    int FieldHash(TModel model);
}
