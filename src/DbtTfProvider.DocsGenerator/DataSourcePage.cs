using DbtTfProvider.Framework.Provider;

namespace DbtTfProvider.DocsGenerator;

/// <summary><c>docs/data-sources/NAME.md</c>: description, example and schema of one data source type.</summary>
internal static class DataSourcePage
{
    public static string Render(ProviderPartSchema part, DataSourceTypeSchema dataSource, ExampleFiles examples)
    {
        var md = TypePage.Begin(part, "Data Source", dataSource.TypeName, dataSource.Block, examples.DataSource(dataSource.TypeName));
        return md.ToString().TrimEnd() + "\n";
    }
}
