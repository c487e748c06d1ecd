using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Server;

namespace DbtTfProvider.Framework.Tests;

/// <summary>What the user's terminal gets: echoed values with every character visible, and repeated diagnostics capped.</summary>
public class DiagnosticTextTests
{
    [Theory]
    [InlineData("Analytics", "\"Analytics\"")]
    [InlineData("a\nb\tc\r", "\"a\\nb\\tc\\r\"")]
    [InlineData("red \u001b[31m", "\"red \\u001B[31m\"")]
    [InlineData("0\u00a0* * * *", "\"0\\u00A0* * * *\"")]
    [InlineData("zero\u200bwidth", "\"zero\\u200Bwidth\"")]
    [InlineData("say \"hi\" \\ ok", "\"say \\\"hi\\\" \\\\ ok\"")]
    [InlineData("Zürich ✓", "\"Zürich ✓\"")]
    public void A_quoted_value_shows_every_character_as_HCL_would_write_it(string value, string quoted) =>
        Assert.Equal(quoted, DisplayText.Quote(value));

    [Fact]
    public void A_message_leaves_the_provider_without_raw_control_characters_but_keeps_its_line_breaks()
    {
        var wire = WireConversions.ToWire(Diagnostic.Error("Bad \u001b[2J name\n", "line one\nthe service said \u0007\r"));

        Assert.Equal("Bad \\u001B[2J name\\n", wire.Summary);
        Assert.Equal("line one\nthe service said \\u0007\\r", wire.Detail);
    }

    [Fact]
    public void Repeated_diagnostics_of_one_kind_are_cut_to_ten_and_one_that_counts_the_rest()
    {
        var diagnostics = new DiagnosticList();
        for (var i = 0; i < 25; i++) diagnostics.AddError("Project not found", $"project {i}");
        diagnostics.AddWarning("Project not found", "a warning is another kind");
        for (var i = 0; i < 3; i++) diagnostics.AddError("Other", $"other {i}");

        var capped = diagnostics.Capped();

        Assert.Equal(10 + 1 + 3 + 1, capped.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"project {i}"), capped.Where(d => d.Summary == "Project not found" && d.Severity == DiagnosticSeverity.Error).Select(d => d.Detail));
        var rest = Assert.Single(capped, d => d.Summary == "Project not found: 15 more");
        Assert.Equal(DiagnosticSeverity.Error, rest.Severity);
        Assert.StartsWith("15 more errors \"Project not found\" of this resource are not shown", rest.Detail);
        Assert.Equal(3, capped.Count(d => d.Summary == "Other"));
        Assert.Same(capped[^1], rest);
    }
}
