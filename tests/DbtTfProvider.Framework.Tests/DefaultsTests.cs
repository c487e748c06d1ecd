using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

/// <summary>Defaults of every value kind, as a job-like resource declares them.</summary>
public class DefaultsTests
{
    public sealed class Job
    {
        public TfString Name;
        public TfInt64 Threads;
        public TfBool Enabled;
        public TfNumber Tolerance;
        public TfList<TfString> Steps;
        public TfMap<TfString> Triggers;
    }

    private static readonly SchemaBlock Block = Build();

    private static SchemaBlock Build()
    {
        var s = new ResourceSchemaBuilder<Job>("test_job");
        s.String("name", m => ref m.Name).Optional().Default("Datafold artifacts");
        s.Int64("threads", m => ref m.Threads).Optional().Default(1);
        s.Bool("enabled", m => ref m.Enabled).Optional().Default(true);
        s.Number("tolerance", m => ref m.Tolerance).Optional().Default(TfNumber.Of(0.001));
        s.List("steps", m => ref m.Steps).Optional().Default(TfCollections.ListOfStrings(["dbt compile"]));
        s.Map("triggers", m => ref m.Triggers).Optional().RequiresReplace();
        return s.BuildResource().Block;
    }

    [Fact]
    public void Every_kind_of_default_is_planned_when_configuration_is_silent_and_marked_optional_computed()
    {
        var config = V.Obj(Block);
        var planned = ResourcePlanner.PlanAttributes(Block, CtyValue.Null(Block.ImpliedType), V.Proposed(Block, CtyValue.Null(Block.ImpliedType), config), config, new DiagnosticList());
        PlanRules.AssertValid(Block, CtyValue.Null(Block.ImpliedType), config, planned);

        Assert.Equal(Str("Datafold artifacts"), planned.GetAttribute("name"));
        Assert.Equal(Num(1), planned.GetAttribute("threads"));
        Assert.Equal(CtyValue.True, planned.GetAttribute("enabled"));
        Assert.Equal(CtyValue.Number(CtyNumber.Parse("0.001")), planned.GetAttribute("tolerance"));
        Assert.Equal(Strings("dbt compile"), planned.GetAttribute("steps"));
        Assert.True(planned.GetAttribute("triggers").IsNull);
        Assert.All(Block.Attributes.Where(a => a.Default is not null), a => Assert.True(a.Optional && a.Computed, a.Name));
    }

    [Fact]
    public void A_map_with_RequiresReplace_replaces_on_any_entry_change()
    {
        CtyValue Triggers(string v) => CtyValue.Map(CtyType.String, [KeyValuePair.Create("rotate", Str(v))]);
        var prior = V.Obj(Block, ("name", Str("n")), ("threads", Num(1)), ("enabled", CtyValue.True),
            ("tolerance", CtyValue.Number(CtyNumber.Parse("0.001"))), ("steps", Strings("dbt compile")), ("triggers", Triggers("a")));
        var config = V.Obj(Block, ("name", Str("n")), ("triggers", Triggers("b")));
        var d = new DiagnosticList();
        var planned = ResourcePlanner.PlanAttributes(Block, prior, V.Proposed(Block, prior, config), config, d);
        Assert.Equal([CtyPath.Attribute("triggers")], ResourcePlanner.RequiresReplace(Block, prior, planned, config, []));

        var same = V.Obj(Block, ("name", Str("n")), ("triggers", Triggers("a")));
        var unchanged = ResourcePlanner.PlanAttributes(Block, prior, V.Proposed(Block, prior, same), same, d);
        Assert.Equal(prior, unchanged);
        Assert.Empty(ResourcePlanner.RequiresReplace(Block, prior, unchanged, same, []));
    }
}
