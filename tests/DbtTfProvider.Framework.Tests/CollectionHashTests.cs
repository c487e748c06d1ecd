using DbtTfProvider.Framework.Values;
using FsCheck.Xunit;

namespace DbtTfProvider.Framework.Tests;

/// <summary>The model collections hash by content: equal sets and maps in any order hash alike.</summary>
public class CollectionHashTests
{
    [Property(MaxTest = 300)]
    public void A_set_in_another_order_is_equal_and_hashes_alike(string[] items)
    {
        var values = items.Where(s => s is not null).Select(TfString.Of).ToArray();
        var set = TfSet<TfString>.Of(values);
        var reversed = TfSet<TfString>.Of(values.Reverse());

        Assert.Equal(set, reversed);
        Assert.Equal(set.GetHashCode(), reversed.GetHashCode());
    }

    [Property(MaxTest = 300)]
    public void Equal_lists_and_maps_hash_alike(long[] numbers)
    {
        var list = TfList<TfInt64>.Of(numbers.Select(TfInt64.Of));
        var copy = TfList<TfInt64>.Of(numbers.ToArray().Select(TfInt64.Of));
        var map = TfMap<TfInt64>.Of(numbers.Distinct().Select(n => KeyValuePair.Create($"k{n}", TfInt64.Of(n))));
        var mapReversed = TfMap<TfInt64>.Of(numbers.Distinct().Reverse().Select(n => KeyValuePair.Create($"k{n}", TfInt64.Of(n))));

        Assert.Equal(list, copy);
        Assert.Equal(list.GetHashCode(), copy.GetHashCode());
        Assert.Equal(map, mapReversed);
        Assert.Equal(map.GetHashCode(), mapReversed.GetHashCode());
    }

    [Fact]
    public void Large_sets_compare_by_content()
    {
        var forward = TfCollections.SetOfInt64s(Enumerable.Range(0, 5000).Select(i => (long)i));
        var backward = TfCollections.SetOfInt64s(Enumerable.Range(0, 5000).Reverse().Select(i => (long)i));
        var shifted = TfCollections.SetOfInt64s(Enumerable.Range(1, 5000).Select(i => (long)i));

        Assert.Equal(forward, backward);
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        Assert.NotEqual(forward, shifted);
        Assert.True(Enumerable.Range(0, 1000).Select(i => TfCollections.SetOfInt64s([i]).GetHashCode()).Distinct().Count() > 990);
    }
}
