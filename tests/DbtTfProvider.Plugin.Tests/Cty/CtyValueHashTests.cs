using DbtTfProvider.Plugin.Cty;
using FsCheck.Xunit;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>
/// Hashes by content: equal values hash alike whatever their history (decoded, rebuilt, sets in another order), and
/// distinct collections do not all collide, so that sets and dictionaries of values stay linear.
/// </summary>
public class CtyValueHashTests
{
    /// <summary>The value rebuilt bottom-up, every set's elements in reverse order.</summary>
    private static CtyValue Reordered(CtyValue value) =>
        value.Transform((_, v) => v.IsKnown && v.Type is CtySetType set ? CtyValue.Set(set.Element, v.Elements.Reverse()) : v);

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 400)]
    public void A_decoded_copy_is_equal_and_hashes_alike(TypedValue tv)
    {
        var copy = CtyMsgPack.Decode(CtyMsgPack.Encode(tv.Value, tv.Type), tv.Type);

        Assert.Equal(tv.Value, copy);
        Assert.Equal(tv.Value.GetHashCode(), copy.GetHashCode());
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 400)]
    public void Sets_in_another_order_are_equal_and_hash_alike(TypedValue tv)
    {
        var reordered = Reordered(tv.Value);

        Assert.True(tv.Value.Equals(reordered) && reordered.Equals(tv.Value), $"{tv.Value} and {reordered}");
        Assert.Equal(tv.Value.GetHashCode(), reordered.GetHashCode());
    }

    [Property(Arbitrary = [typeof(CtyArbitraries)], MaxTest = 400)]
    public void Values_that_are_equal_hash_alike(TypedValue a, TypedValue b)
    {
        if (a.Value.Equals(b.Value)) Assert.Equal(a.Value.GetHashCode(), b.Value.GetHashCode());
        // Same type, values compared both ways: equality is symmetric.
        Assert.Equal(a.Value.Equals(b.Value), b.Value.Equals(a.Value));
    }

    [Fact]
    public void Large_sets_of_objects_compare_by_content_in_any_order()
    {
        var type = CtyType.Object([KeyValuePair.Create("name", (CtyType)CtyType.String), KeyValuePair.Create("id", (CtyType)CtyType.Number)]);
        CtyValue Element(int i) => CtyValue.Object(type, [KeyValuePair.Create("name", CtyValue.String($"n{i % 7}")), KeyValuePair.Create("id", CtyValue.Number(i))]);
        var forward = CtyValue.Set(type, Enumerable.Range(0, 500).Select(Element));
        var backward = CtyValue.Set(type, Enumerable.Range(0, 500).Reverse().Select(Element));
        var oneDifferent = CtyValue.Set(type, Enumerable.Range(1, 500).Select(Element));

        Assert.Equal(forward, backward);
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        Assert.NotEqual(forward, oneDifferent);
        Assert.NotEqual(oneDifferent, forward);
    }

    [Fact]
    public void Distinct_collections_and_objects_do_not_share_one_hash()
    {
        var type = CtyType.Object([KeyValuePair.Create("id", (CtyType)CtyType.Number)]);
        var objects = Enumerable.Range(0, 1000).Select(i => CtyValue.Object(type, [KeyValuePair.Create("id", CtyValue.Number(i))])).ToList();
        var sets = Enumerable.Range(0, 1000).Select(i => CtyValue.Set(CtyType.Number, [CtyValue.Number(i), CtyValue.Number(i + 1)])).ToList();
        var lists = Enumerable.Range(0, 1000).Select(i => CtyValue.List(CtyType.String, [CtyValue.String($"{i}")])).ToList();
        var maps = Enumerable.Range(0, 1000).Select(i => CtyValue.Map(CtyType.Bool, [KeyValuePair.Create($"k{i}", CtyValue.True)])).ToList();

        foreach (var values in new[] { objects, sets, lists, maps })
            Assert.True(values.Select(v => v.GetHashCode()).Distinct().Count() > 990, "distinct values should hash apart");
    }
}
