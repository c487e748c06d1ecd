using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// Converts between a block's cty object value and its model class, following the schema it was declared with.
/// </summary>
public sealed class ModelBinding<TModel> where TModel : class, new()
{
    private readonly IReadOnlyList<IMemberBinding<TModel>> _members;

    internal ModelBinding(CtyObjectType type, IReadOnlyList<IMemberBinding<TModel>> members)
    {
        Type = type;
        _members = members;
    }

    public CtyObjectType Type { get; }

    /// <summary>The binding of the member <paramref name="name"/>.</summary>
    internal IMemberBinding<TModel> Member(string name) =>
        _members.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"no member \"{name}\" is bound", nameof(name));

    /// <summary>
    /// Value equality of two models over the fields the schema binds (field by field, collections by content), which
    /// <see cref="ModelEquality{T}"/> gives every block and nested-attribute model.
    /// </summary>
    public IEqualityComparer<TModel> Comparer => _comparer ??= new FieldwiseComparer(_members);
    private IEqualityComparer<TModel>? _comparer;

    private sealed class FieldwiseComparer(IReadOnlyList<IMemberBinding<TModel>> members) : IEqualityComparer<TModel>
    {
        public bool Equals(TModel? a, TModel? b)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a is null || b is null) return false;
            foreach (var m in members)
                if (!m.FieldEquals(a, b)) return false;
            return true;
        }

        public int GetHashCode(TModel model)
        {
            var h = new HashCode();
            foreach (var m in members) h.Add(m.FieldHash(model));
            return h.ToHashCode();
        }
    }

    /// <summary>A model from a known object value. Throws <see cref="ModelConversionException"/> naming the attribute at fault.</summary>
    public TModel Decode(CtyValue value) => Decode(value, CtyPath.Root);

    public CtyValue Encode(TModel model) => Encode(model, CtyPath.Root);

    internal TModel Decode(CtyValue value, CtyPath path)
    {
        if (!value.IsKnown) throw new ModelConversionException(path, $"expected an object, got {(value.IsNull ? "null" : "an unknown value")}");
        var model = new TModel();
        foreach (var m in _members) m.Decode(model, value.GetAttribute(m.Name), path);
        return model;
    }

    internal CtyValue Encode(TModel model, CtyPath path) =>
        CtyValue.Object(Type, _members.Select(m => KeyValuePair.Create(m.Name, m.Encode(model, path))));
}
