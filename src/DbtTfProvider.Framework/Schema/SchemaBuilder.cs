using System.Text.RegularExpressions;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// Declares a block's attributes and nested blocks once, each bound to a field of the model:
/// <code>
/// schema.String("name", m =&gt; ref m.Name).Required().Description("…");
/// schema.SetBlock("tag", m =&gt; ref m.Tags, tag =&gt; { tag.String("key", t =&gt; ref t.Key).Required(); });
/// schema.ListNestedAttribute("owners", m =&gt; ref m.Owners, o =&gt; { o.String("name", x =&gt; ref x.Name).Required(); }).Optional();
/// </code>
/// The same declaration yields the protocol schema, decodes values into models and encodes models back.
/// </summary>
public class SchemaBuilder<TModel> where TModel : class, new()
{
    private readonly List<IMemberSpec> _members = [];
    private readonly List<IObjectValidator> _objectValidators = [];
    private readonly List<IMemberBinding<TModel>> _bindings = [];
    private string? _description;
    private string? _deprecation;

    internal SchemaBuilder(SchemaKind kind, string owner, bool insideSet, bool insideNestedAttribute = false)
    {
        Kind = kind;
        Owner = owner;
        InsideSet = insideSet;
        InsideNestedAttribute = insideNestedAttribute;
    }

    internal SchemaKind Kind { get; }
    /// <summary>Names the schema in error messages ("resource testfs_item", "block testfs_item.tag").</summary>
    internal string Owner { get; }
    internal bool InsideSet { get; }
    /// <summary>The object of a nested attribute: Terraform allows only attributes there, no blocks.</summary>
    internal bool InsideNestedAttribute { get; }

    public AttributeBuilder<TfString> String(string name, FieldRef<TModel, TfString> field) => Primitive(name, field);
    public AttributeBuilder<TfInt64> Int64(string name, FieldRef<TModel, TfInt64> field) => Primitive(name, field);
    public AttributeBuilder<TfNumber> Number(string name, FieldRef<TModel, TfNumber> field) => Primitive(name, field);
    public AttributeBuilder<TfBool> Bool(string name, FieldRef<TModel, TfBool> field) => Primitive(name, field);

    /// <summary>A list of primitives, e.g. <c>List("execute_steps", m =&gt; ref m.Steps)</c> with a <c>TfList&lt;TfString&gt;</c> field.</summary>
    public AttributeBuilder<TfList<TElem>> List<TElem>(string name, FieldRef<TModel, TfList<TElem>> field) where TElem : struct, ITfPrimitive<TElem>
    {
        var elementType = TElem.CtyType;
        return AddAttribute(name, CtyType.List(elementType), field,
            (v, p) => FieldCodecs.EncodeList(v, elementType, (e, _) => e.ToCty(), p),
            (v, p) => FieldCodecs.DecodeList(v, FieldCodecs.DecodePrimitive<TElem>, p),
            v => v.ToCtyDefault(elementType));
    }

    public AttributeBuilder<TfSet<TElem>> Set<TElem>(string name, FieldRef<TModel, TfSet<TElem>> field) where TElem : struct, ITfPrimitive<TElem>
    {
        var elementType = TElem.CtyType;
        return AddAttribute(name, CtyType.Set(elementType), field,
            (v, p) => FieldCodecs.EncodeSet(v, elementType, (e, _) => e.ToCty(), p),
            (v, p) => FieldCodecs.DecodeSet(v, FieldCodecs.DecodePrimitive<TElem>, p),
            v => v.ToCtyDefault(elementType));
    }

    public AttributeBuilder<TfMap<TElem>> Map<TElem>(string name, FieldRef<TModel, TfMap<TElem>> field) where TElem : struct, ITfPrimitive<TElem>
    {
        var elementType = TElem.CtyType;
        return AddAttribute(name, CtyType.Map(elementType), field,
            (v, p) => FieldCodecs.EncodeMap(v, elementType, (e, _) => e.ToCty(), p),
            (v, p) => FieldCodecs.DecodeMap(v, FieldCodecs.DecodePrimitive<TElem>, p),
            v => v.ToCtyDefault(elementType));
    }

    /// <summary>An optional single block (<c>sampling { … }</c>): null in the model when absent.</summary>
    public BlockBuilder SingleBlock<TElem>(string name, FieldRef<TModel, TfObject<TElem>> field, Action<SchemaBuilder<TElem>> define) where TElem : class, new()
    {
        var (spec, binding) = AddBlock(name, BlockNesting.Single, define);
        _bindings.Add(new MemberBinding<TModel, TfObject<TElem>>(name, field,
            (v, p) => v.State switch
            {
                TfValueState.Known => binding.Value.Encode(v.Value, p),
                TfValueState.Unknown => CtyValue.Unknown(binding.Value.Type),
                _ => CtyValue.Null(binding.Value.Type),
            },
            (v, p) => v.IsNull ? TfObject<TElem>.Null : v.IsUnknown ? TfObject<TElem>.Unknown : TfObject<TElem>.Of(binding.Value.Decode(v, p))));
        return spec.Builder;
    }

    /// <summary>A list of blocks; written as repeated blocks in configuration, an empty list when there are none.</summary>
    public BlockBuilder ListBlock<TElem>(string name, FieldRef<TModel, TfList<TElem>> field, Action<SchemaBuilder<TElem>> define) where TElem : class, new()
    {
        var (spec, binding) = AddBlock(name, BlockNesting.List, define);
        _bindings.Add(new MemberBinding<TModel, TfList<TElem>>(name, field,
            (v, p) => FieldCodecs.EncodeList(v.IsNull ? TfList<TElem>.Empty : v, binding.Value.Type, binding.Value.Encode, p),
            (v, p) => FieldCodecs.DecodeList(v, binding.Value.Decode, p)));
        return spec.Builder;
    }

    /// <summary>A set of blocks (order-free); see <see cref="ListBlock{TElem}"/>.</summary>
    public BlockBuilder SetBlock<TElem>(string name, FieldRef<TModel, TfSet<TElem>> field, Action<SchemaBuilder<TElem>> define) where TElem : class, new()
    {
        var (spec, binding) = AddBlock(name, BlockNesting.Set, define);
        _bindings.Add(new MemberBinding<TModel, TfSet<TElem>>(name, field,
            (v, p) => FieldCodecs.EncodeSet(v.IsNull ? TfSet<TElem>.Empty : v, binding.Value.Type, binding.Value.Encode, p),
            (v, p) => FieldCodecs.DecodeSet(v, binding.Value.Decode, p)));
        return spec.Builder;
    }

    /// <summary>
    /// A nested attribute holding one object (<c>owner = { name = "x" }</c>): unlike a block it can be null, computed,
    /// sensitive or defaulted, and is set with <c>=</c>. Declare the object's attributes in <paramref name="define"/>.
    /// </summary>
    public AttributeBuilder<TfObject<TElem>> SingleNestedAttribute<TElem>(string name, FieldRef<TModel, TfObject<TElem>> field, Action<SchemaBuilder<TElem>> define)
        where TElem : class, new()
    {
        var (spec, binding) = AddNestedAttribute(name, AttributeNesting.Single, define);
        var type = spec.Type;
        Func<TfObject<TElem>, CtyPath, CtyValue> encode = (v, p) => v.State switch
        {
            TfValueState.Known => binding.Value.Encode(v.Value, p),
            TfValueState.Unknown => CtyValue.Unknown(type),
            _ => CtyValue.Null(type),
        };
        return BindNested(spec, field, encode, (v, p) => v.IsNull ? TfObject<TElem>.Null : v.IsUnknown ? TfObject<TElem>.Unknown : TfObject<TElem>.Of(binding.Value.Decode(v, p)));
    }

    /// <summary>A nested attribute holding a list of objects (<c>owners = [{ name = "x" }]</c>); null when not set.</summary>
    public AttributeBuilder<TfList<TElem>> ListNestedAttribute<TElem>(string name, FieldRef<TModel, TfList<TElem>> field, Action<SchemaBuilder<TElem>> define)
        where TElem : class, new()
    {
        var (spec, binding) = AddNestedAttribute(name, AttributeNesting.List, define);
        return BindNested(spec, field, (v, p) => FieldCodecs.EncodeList(v, binding.Value.Type, binding.Value.Encode, p), (v, p) => FieldCodecs.DecodeList(v, binding.Value.Decode, p));
    }

    /// <summary>A nested attribute holding a set of objects (order-free); see <see cref="ListNestedAttribute{TElem}"/>.</summary>
    public AttributeBuilder<TfSet<TElem>> SetNestedAttribute<TElem>(string name, FieldRef<TModel, TfSet<TElem>> field, Action<SchemaBuilder<TElem>> define)
        where TElem : class, new()
    {
        var (spec, binding) = AddNestedAttribute(name, AttributeNesting.Set, define);
        return BindNested(spec, field, (v, p) => FieldCodecs.EncodeSet(v, binding.Value.Type, binding.Value.Encode, p), (v, p) => FieldCodecs.DecodeSet(v, binding.Value.Decode, p));
    }

    /// <summary>A nested attribute holding a map of objects by string key (<c>owners = { lead = { name = "x" } }</c>).</summary>
    public AttributeBuilder<TfMap<TElem>> MapNestedAttribute<TElem>(string name, FieldRef<TModel, TfMap<TElem>> field, Action<SchemaBuilder<TElem>> define)
        where TElem : class, new()
    {
        var (spec, binding) = AddNestedAttribute(name, AttributeNesting.Map, define);
        return BindNested(spec, field, (v, p) => FieldCodecs.EncodeMap(v, binding.Value.Type, binding.Value.Encode, p), (v, p) => FieldCodecs.DecodeMap(v, binding.Value.Decode, p));
    }

    /// <summary>Markdown description of this block (the resource's own description at the top level).</summary>
    public SchemaBuilder<TModel> Description(string markdown)
    {
        _description = markdown;
        return this;
    }

    public SchemaBuilder<TModel> Deprecated(string message)
    {
        _deprecation = message;
        return this;
    }

    /// <summary>Exactly one of these attributes must be set (per element, when declared inside a block).</summary>
    public SchemaBuilder<TModel> ExactlyOneOf(params string[] attributes) => Validator(new ExactlyOneOfValidator(attributes));

    public SchemaBuilder<TModel> Validator(IObjectValidator validator)
    {
        _objectValidators.Add(validator);
        return this;
    }

    /// <summary>
    /// A typed check of this object (each element, inside a block). Attributes may be unknown at validate time:
    /// check <c>IsKnown</c> before reading values. Report with <c>context.AddAttributeError(name, …)</c>.
    /// </summary>
    public SchemaBuilder<TModel> Validate(string description, Action<TModel, ObjectValidationContext> check)
    {
        ModelBinding<TModel>? binding = null;
        _objectValidators.Add(new ObjectValidator(description, ctx =>
        {
            binding ??= BuildBinding();
            check(binding.Decode(ctx.Object, ctx.Path), ctx);
        }));
        return this;
    }

    private (SchemaBlock Block, ModelBinding<TModel> Binding)? _built;

    /// <summary>The schema and binding; declaring more members after this is not supported.</summary>
    internal (SchemaBlock Block, ModelBinding<TModel> Binding) Build() => _built ??= BuildOnce();

    private (SchemaBlock Block, ModelBinding<TModel> Binding) BuildOnce()
    {
        var attributes = new List<SchemaAttribute>();
        var blocks = new List<SchemaNestedBlock>();
        foreach (var m in _members)
        {
            switch (m)
            {
                case AttributeSpec a: attributes.Add(a.Build(this)); break;
                case BlockSpec b: blocks.Add(b.Build(this)); break;
            }
        }
        var block = new SchemaBlock(attributes, blocks, _objectValidators.ToArray(), _description, _deprecation);
        return (block, new ModelBinding<TModel>(block.ImpliedType, _bindings.ToArray()));
    }

    private ModelBinding<TModel> BuildBinding() => Build().Binding;

    private AttributeBuilder<TValue> Primitive<TValue>(string name, FieldRef<TModel, TValue> field) where TValue : struct, ITfPrimitive<TValue> =>
        AddAttribute(name, TValue.CtyType, field, (v, _) => v.ToCty(), FieldCodecs.DecodePrimitive<TValue>, v => v.ToCty());

    private AttributeBuilder<TValue> AddAttribute<TValue>(string name, CtyType type, FieldRef<TModel, TValue> field,
        Func<TValue, CtyPath, CtyValue> encode, Func<CtyValue, CtyPath, TValue> decode, Func<TValue, CtyValue> toDefault)
    {
        CheckName(name);
        var spec = new AttributeSpec(name, type);
        _members.Add(spec);
        _bindings.Add(new MemberBinding<TModel, TValue>(name, field, encode, decode));
        return new AttributeBuilder<TValue>(spec, toDefault);
    }

    private (BlockSpec Spec, Lazy<ModelBinding<TElem>> Binding) AddBlock<TElem>(string name, BlockNesting nesting, Action<SchemaBuilder<TElem>> define)
        where TElem : class, new()
    {
        CheckName(name);
        if (InsideNestedAttribute)
            throw new SchemaDefinitionException($"{Owner}: \"{name}\" is a block, and a nested attribute's objects hold attributes only.");
        var inner = new SchemaBuilder<TElem>(Kind, $"block {Owner.Split(' ').Last()}.{name}", InsideSet || nesting == BlockNesting.Set);
        define(inner);
        var built = inner.Build();
        var spec = new BlockSpec(name, nesting, built.Block);
        _members.Add(spec);
        ModelEquality<TElem>.Register(built.Binding.Comparer);
        return (spec, new Lazy<ModelBinding<TElem>>(() => built.Binding));
    }

    private (AttributeSpec Spec, Lazy<ModelBinding<TElem>> Binding) AddNestedAttribute<TElem>(string name, AttributeNesting nesting, Action<SchemaBuilder<TElem>> define)
        where TElem : class, new()
    {
        CheckName(name);
        var inner = new SchemaBuilder<TElem>(Kind, $"attribute {Owner.Split(' ').Last()}.{name}", InsideSet || nesting == AttributeNesting.Set, insideNestedAttribute: true);
        define(inner);
        var built = inner.Build();
        if (built.Block.Attributes.Count == 0)
            throw new SchemaDefinitionException($"{Owner}, attribute \"{name}\": a nested attribute needs at least one attribute.");
        var nested = new SchemaNestedType { Nesting = nesting, Object = built.Block };
        var spec = new AttributeSpec(name, nested.Type) { NestedType = nested };
        _members.Add(spec);
        ModelEquality<TElem>.Register(built.Binding.Comparer);
        return (spec, new Lazy<ModelBinding<TElem>>(() => built.Binding));
    }

    private AttributeBuilder<TValue> BindNested<TValue>(AttributeSpec spec, FieldRef<TModel, TValue> field,
        Func<TValue, CtyPath, CtyValue> encode, Func<CtyValue, CtyPath, TValue> decode)
    {
        _bindings.Add(new MemberBinding<TModel, TValue>(spec.Name, field, encode, decode));
        return new AttributeBuilder<TValue>(spec, v => encode(v, CtyPath.Root));
    }

    private static readonly Regex ValidName = new("^[a-z0-9_]+$", RegexOptions.CultureInvariant);

    private void CheckName(string name)
    {
        if (!ValidName.IsMatch(name))
            throw new SchemaDefinitionException($"{Owner}: \"{name}\" is not a valid name (lowercase letters, digits and underscores only).");
        if (_members.Any(m => m.Name == name))
            throw new SchemaDefinitionException($"{Owner}: \"{name}\" is declared twice.");
    }
}
