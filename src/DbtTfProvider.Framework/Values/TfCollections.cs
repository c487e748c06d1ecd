namespace DbtTfProvider.Framework.Values;

/// <summary>Shortcuts for the common collections of strings and whole numbers.</summary>
public static class TfCollections
{
    public static TfList<TfString> ListOfStrings(IEnumerable<string> values) => TfList<TfString>.Of(values.Select(TfString.Of));
    public static TfSet<TfString> SetOfStrings(IEnumerable<string> values) => TfSet<TfString>.Of(values.Select(TfString.Of));
    public static TfList<TfInt64> ListOfInt64s(IEnumerable<long> values) => TfList<TfInt64>.Of(values.Select(TfInt64.Of));
    public static TfSet<TfInt64> SetOfInt64s(IEnumerable<long> values) => TfSet<TfInt64>.Of(values.Select(TfInt64.Of));
    public static TfMap<TfString> MapOfStrings(IEnumerable<KeyValuePair<string, string>> values) =>
        TfMap<TfString>.Of(values.Select(kv => KeyValuePair.Create(kv.Key, TfString.Of(kv.Value))));

    /// <summary>The known element values; throws if the collection or an element is null or unknown.</summary>
    public static IEnumerable<string> Values(this TfList<TfString> list) => list.Elements.Select(e => e.Value);
    public static IEnumerable<string> Values(this TfSet<TfString> set) => set.Elements.Select(e => e.Value);
    public static IEnumerable<long> Values(this TfList<TfInt64> list) => list.Elements.Select(e => e.Value);
    public static IEnumerable<long> Values(this TfSet<TfInt64> set) => set.Elements.Select(e => e.Value);
    public static IEnumerable<KeyValuePair<string, string>> Values(this TfMap<TfString> map) =>
        map.Elements.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Value));
}
