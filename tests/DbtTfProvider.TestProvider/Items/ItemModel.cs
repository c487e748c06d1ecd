using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.TestProvider.Items;

public sealed class ItemModel
{
    public TfString Id;
    public TfString Name;
    public TfString Mode;
    public TfString Kind;
    public TfString Secret;
    public TfString PasswordWo;
    public TfInt64 Revision;
    public TfSet<TagModel> Tags;
    public TfObject<OwnerModel> Owner;
    public TfMap<LabelModel> Labels;
}
