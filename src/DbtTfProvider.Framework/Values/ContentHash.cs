using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Values;

/// <summary>Content hashes of the collections: equal collections hash alike; sets and maps whatever their order.</summary>
internal static class ContentHash
{
    public static int Ordered<T>(TfValueState state, IReadOnlyList<T> elements)
    {
        var h = new HashCode();
        h.Add(state);
        foreach (var e in elements) h.Add(ModelEquality<T>.Comparer.GetHashCode(e!));
        return h.ToHashCode();
    }

    /// <summary>Order-free: a sum of mixed element hashes; repeated elements count once, as set equality counts them.</summary>
    public static int Unordered<T>(TfValueState state, IReadOnlyList<T> elements) =>
        Unordered(state, elements.Distinct(ModelEquality<T>.Comparer).Select(e => ModelEquality<T>.Comparer.GetHashCode(e!)));

    public static int Unordered(TfValueState state, IEnumerable<int> hashes)
    {
        var sum = 0u;
        var count = 0;
        foreach (var h in hashes)
        {
            sum += OrderFreeHash.Mix((uint)h);
            count++;
        }
        return HashCode.Combine(state, sum, count);
    }

    /// <summary>Every element of each list is in the other: pairwise for a few elements, by hash beyond.</summary>
    public static bool SameElements<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        var comparer = ModelEquality<T>.Comparer;
        if (a.Count <= 8) return a.All(x => b.Contains(x, comparer)) && b.All(x => a.Contains(x, comparer));
        var inB = new HashSet<T>(b, comparer);
        if (!a.All(inB.Contains)) return false;
        var inA = new HashSet<T>(a, comparer);
        return b.All(inA.Contains);
    }

}
