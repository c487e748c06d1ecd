using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class NoteModel
{
    public TfString Text;
}
