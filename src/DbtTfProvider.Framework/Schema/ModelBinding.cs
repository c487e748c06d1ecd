using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// A getter and setter in one: <c>m =&gt; ref m.Name</c>. Models are plain classes whose fields are
/// <see cref="TfString"/>, <see cref="TfSet{T}"/> etc.; binding through delegates keeps the framework free of
/// reflection (trim- and AOT-clean).
/// </summary>
public delegate ref TField FieldRef<in TModel, TField>(TModel model);

/// <summary>A value in configuration, plan or state that does not fit its model field (e.g. 1.5 for a whole number).</summary>
public sealed class ModelConversionException(CtyPath path, string message) : Exception(message)
{
    public CtyPath Path { get; } = path;
}

internal interface IMemberBinding<in TModel>
{
    string Name { get; }
    CtyValue Encode(TModel model, CtyPath path);
    void Decode(TModel model, CtyValue value, CtyPath path);
    bool FieldEquals(TModel a, TModel b);
    int FieldHash(TModel model);
}

internal sealed class MemberBinding<TModel, TField>(
    string name,
    FieldRef<TModel, TField> field,
    Func<TField, CtyPath, CtyValue> encode,
    Func<CtyValue, CtyPath, TField> decode) : IMemberBinding<TModel>
{
    public string Name { get; } = name;
    public CtyValue Encode(TModel model, CtyPath path) => encode(field(model), path.Attr(Name));
    public void Decode(TModel model, CtyValue value, CtyPath path) => field(model) = decode(value, path.Attr(Name));
    public bool FieldEquals(TModel a, TModel b) => EqualityComparer<TField>.Default.Equals(field(a), field(b));
    public int FieldHash(TModel model) => EqualityComparer<TField>.Default.GetHashCode(field(model)!);
}

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

/// <summary>The conversions for each kind of model field.</summary>
internal static class FieldCodecs
{
    public static TValue DecodePrimitive<TValue>(CtyValue value, CtyPath path) where TValue : struct, ITfPrimitive<TValue>
    {
        try
        {
            return TValue.FromCty(value);
        }
        catch (ArgumentException e)
        {
            throw new ModelConversionException(path, e.Message);
        }
    }

    public static CtyValue EncodeList<TElem>(TfList<TElem> list, CtyType elementType, Func<TElem, CtyPath, CtyValue> encode, CtyPath path) => list.State switch
    {
        TfValueState.Known => CtyValue.List(elementType, list.Elements.Select((e, i) => encode(e, path.Index(i)))),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.List(elementType)),
        _ => CtyValue.Null(CtyType.List(elementType)),
    };

    public static CtyValue EncodeSet<TElem>(TfSet<TElem> set, CtyType elementType, Func<TElem, CtyPath, CtyValue> encode, CtyPath path) => set.State switch
    {
        TfValueState.Known => CtyValue.Set(elementType, set.Elements.Select(e => encode(e, path))),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.Set(elementType)),
        _ => CtyValue.Null(CtyType.Set(elementType)),
    };

    public static CtyValue EncodeMap<TElem>(TfMap<TElem> map, CtyType elementType, Func<TElem, CtyPath, CtyValue> encode, CtyPath path) => map.State switch
    {
        TfValueState.Known => CtyValue.Map(elementType, map.Elements.Select(kv => KeyValuePair.Create(kv.Key, encode(kv.Value, path.Key(kv.Key))))),
        TfValueState.Unknown => CtyValue.Unknown(CtyType.Map(elementType)),
        _ => CtyValue.Null(CtyType.Map(elementType)),
    };

    // A collection with an unknown element cannot be represented element-wise in a model: it reads as unknown.
    public static TfList<TElem> DecodeList<TElem>(CtyValue value, Func<CtyValue, CtyPath, TElem> decode, CtyPath path) =>
        value.IsNull ? TfList<TElem>.Null
        : !value.IsKnown || !value.IsWhollyKnownShallow() ? TfList<TElem>.Unknown
        : TfList<TElem>.Of(value.Elements.Select((e, i) => decode(e, path.Index(i))));

    public static TfSet<TElem> DecodeSet<TElem>(CtyValue value, Func<CtyValue, CtyPath, TElem> decode, CtyPath path) =>
        value.IsNull ? TfSet<TElem>.Null
        : !value.IsKnown || !value.IsWhollyKnownShallow() ? TfSet<TElem>.Unknown
        : TfSet<TElem>.Of(value.Elements.Select(e => DecodeSetElement(e, decode, path)));

    // Set elements cannot be addressed: a problem inside one is reported at the set.
    private static TElem DecodeSetElement<TElem>(CtyValue element, Func<CtyValue, CtyPath, TElem> decode, CtyPath setPath)
    {
        try
        {
            return decode(element, setPath);
        }
        catch (ModelConversionException e) when (!e.Path.Equals(setPath))
        {
            throw new ModelConversionException(setPath, e.Message);
        }
    }

    public static TfMap<TElem> DecodeMap<TElem>(CtyValue value, Func<CtyValue, CtyPath, TElem> decode, CtyPath path) =>
        value.IsNull ? TfMap<TElem>.Null
        : !value.IsKnown || !value.IsWhollyKnownShallow() ? TfMap<TElem>.Unknown
        : TfMap<TElem>.Of(value.Attributes.Select(kv => KeyValuePair.Create(kv.Key, decode(kv.Value, path.Key(kv.Key)))));

    /// <summary>
    /// Elements of primitive collections must be known to be listed; elements that are objects (blocks) carry their
    /// own unknown attributes, so only an unknown element itself makes the collection unknown.
    /// </summary>
    private static bool IsWhollyKnownShallow(this CtyValue collection) => collection.Type switch
    {
        CtyMapType => collection.Attributes.Values.All(e => e.IsKnown || e.IsNull),
        _ => collection.Elements.All(e => e.IsKnown || e.IsNull),
    };
}
