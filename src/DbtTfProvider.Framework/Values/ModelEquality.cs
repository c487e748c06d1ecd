namespace DbtTfProvider.Framework.Values;

/// <summary>
/// How the collections (<see cref="TfList{T}"/>, <see cref="TfSet{T}"/>, <see cref="TfMap{T}"/>,
/// <see cref="TfObject{T}"/>) compare their elements. A model class declared as a block or nested attribute compares
/// by value, field by field over what its schema binds: declaring the schema registers that comparer, so no model
/// writes Equals by hand. Other types use their own equality (the Tf* primitives compare by value).
/// </summary>
public static class ModelEquality<T>
{
    private static IEqualityComparer<T>? _registered;

    public static IEqualityComparer<T> Comparer => _registered ?? EqualityComparer<T>.Default;

    /// <summary>The first schema declaring a model type registers it; later ones bind the same fields.</summary>
    internal static void Register(IEqualityComparer<T> comparer) => Interlocked.CompareExchange(ref _registered, comparer, null);
}
