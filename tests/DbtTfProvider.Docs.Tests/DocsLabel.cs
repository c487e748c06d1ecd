using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Docs.Tests;

public sealed class DocsLabel
{
    public TfString Value;
}
