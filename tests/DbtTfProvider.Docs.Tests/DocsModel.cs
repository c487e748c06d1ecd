using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Docs.Tests;

public sealed class DocsModel
{
    public TfString Colour, Size;
    public TfInt64 Count;
    public TfObject<DocsItem> Owner;
    public TfList<DocsItem> Steps;
    public TfSet<DocsItem> Grants;
    public TfMap<DocsLabel> Labels;
    public TfList<DocsLabel> Notes;
}
