using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Plugin.Cty;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

/// <summary>An element validator's message names the element ("steps[1]"), not just the list, as the user reads it in the CLI.</summary>
public class ElementNamingTests
{
    [Fact]
    public void A_list_element_is_named_with_its_index_in_the_message()
    {
        var p = new WidgetProvider();
        var diagnostics = new DiagnosticList();
        p.Runtime.ValidateConfig(p.Config(("name", Str("a")), ("steps", Strings("dbt run", "dbt test", "make"))), true, diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal(CtyPath.Attribute("steps").Index(2), d.Path);
        Assert.StartsWith("steps[2] must start with \"dbt \"", d.Detail);
    }
}
