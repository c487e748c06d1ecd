using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Framework.Values;
using FsCheck.Xunit;

namespace DbtTfProvider.Framework.Tests;

/// <summary>
/// Block and nested-attribute models compare by value, field by field over what their schema binds, without a
/// hand-written Equals: two models read from the same values are equal, whatever the instances and the set order.
/// </summary>
public class ModelEqualityTests
{
    // Declaring the schemas registers the model comparers (the provider builds them before any model is made).
    private static readonly bool SchemasBuilt = new WidgetProvider().Block is not null && new NestProvider().Block is not null;

    private static RuleModel Rule(string key, string? value) => new() { Key = key, Value = TfString.OfNullable(value), RuleId = TfString.Unknown };

    [Property(MaxTest = 200)]
    public void Sets_of_block_models_with_equal_fields_are_equal_in_any_order_and_hash_alike(string[] keys)
    {
        Assert.True(SchemasBuilt);
        var pairs = keys.Where(k => k is not null).Select((k, i) => (k, i % 3 == 0 ? null : k + "!")).ToArray();
        var set = TfSet<RuleModel>.Of(pairs.Select(p => Rule(p.k, p.Item2)));
        var copy = TfSet<RuleModel>.Of(pairs.Reverse().Select(p => Rule(p.k, p.Item2)));

        Assert.Equal(set, copy);
        Assert.Equal(set.GetHashCode(), copy.GetHashCode());
        Assert.Equal(TfList<RuleModel>.Of(set.Elements), TfList<RuleModel>.Of(pairs.Select(p => Rule(p.k, p.Item2))));
    }

    [Property(MaxTest = 200)]
    public void A_model_differing_in_one_field_is_not_equal(string key, string value)
    {
        Assert.True(SchemasBuilt);
        if (key is null || value is null) return;
        var a = TfSet<RuleModel>.Of(Rule(key, value));
        Assert.NotEqual(a, TfSet<RuleModel>.Of(Rule(key, value + "x")));
        Assert.NotEqual(a, TfSet<RuleModel>.Of(Rule(key, null)));
        Assert.NotEqual(a, TfSet<RuleModel>.Of(Rule(key, value), Rule(key + "x", value)));
    }

    [Fact]
    public void Nested_models_compare_through_their_collections()
    {
        Assert.True(SchemasBuilt);
        static SamplingModel Sampling(double t) => new() { Enabled = true, Tolerance = TfNumber.Of(t) };
        Assert.Equal(TfObject<SamplingModel>.Of(Sampling(0.5)), TfObject<SamplingModel>.Of(Sampling(0.5)));
        Assert.NotEqual(TfObject<SamplingModel>.Of(Sampling(0.5)), TfObject<SamplingModel>.Of(Sampling(0.25)));
        Assert.NotEqual(TfObject<SamplingModel>.Of(Sampling(0.5)), TfObject<SamplingModel>.Null);

        static TfMap<LabelModel> Labels(string level) => TfMap<LabelModel>.Of([KeyValuePair.Create("team", new LabelModel { Value = "data", Level = level })]);
        Assert.Equal(Labels("info"), Labels("info"));
        Assert.Equal(Labels("info").GetHashCode(), Labels("info").GetHashCode());
        Assert.NotEqual(Labels("info"), Labels("warn"));
    }
}
