using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class OwnerModel
{
    public TfString Name;
    public TfString Email;
    public TfString OwnerId;
    /// <summary>Only for the schema test that a block cannot be declared inside a nested attribute.</summary>
    public TfList<NoteModel> Inner;
}
