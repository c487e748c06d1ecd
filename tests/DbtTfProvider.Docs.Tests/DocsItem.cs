using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Docs.Tests;

public sealed class DocsItem
{
    public TfString Name;
}
