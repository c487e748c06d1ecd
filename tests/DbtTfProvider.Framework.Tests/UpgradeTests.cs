using System.Text;
using DbtTfProvider.Framework.Tests.Fixtures;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

public class UpgradeTests
{
    private readonly WidgetProvider _p = new();

    private Resources.StateOutcome Upgrade(long version, string json) => _p.Runtime.UpgradeState(version, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Same_version_passes_through_ignoring_unknown_keys_and_nulling_missing_ones()
    {
        var result = Upgrade(2, """{"id":"7","name":"a","mode":"fast","removed_long_ago":true,"secret":"s","size":3,"rule":null}""");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Str("7"), result.State.GetAttribute("id"));
        Assert.Equal(Str("fast"), result.State.GetAttribute("mode"));
        Assert.True(result.State.GetAttribute("kind").IsNull);
        Assert.True(result.State.GetAttribute("rule").IsKnown, "a null set of blocks becomes an empty set");
        Assert.Empty(result.State.GetAttribute("rule").Elements);
    }

    [Fact]
    public void Write_only_values_never_survive_an_upgrade()
    {
        var result = Upgrade(2, """{"id":"7","name":"a","password_wo":"leaked"}""");
        Assert.True(result.State.GetAttribute("password_wo").IsNull);
    }

    [Fact]
    public void An_older_version_goes_through_its_registered_upgrader()
    {
        var result = Upgrade(1, """{"id":"7","title":"from v1"}""");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Str("from v1"), result.State.GetAttribute("name"));
        Assert.Equal(Str("standard"), result.State.GetAttribute("mode"));
    }

    [Fact]
    public void Versions_without_a_path_and_newer_versions_are_errors()
    {
        Assert.Equal("No state upgrade path", Assert.Single(Upgrade(0, "{}").Diagnostics).Summary);
        Assert.Equal("State written by a newer provider", Assert.Single(Upgrade(3, "{}").Diagnostics).Summary);
    }

    [Fact]
    public void Malformed_json_is_a_diagnostic()
    {
        var result = Upgrade(2, """{"id": 7, "name": """);
        Assert.Equal("Unreadable state", Assert.Single(result.Diagnostics).Summary);
    }
}
