using System.Diagnostics.CodeAnalysis;

namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// An immutable cty value that keeps null, unknown and known apart. A value's <see cref="Type"/> is always a concrete
/// type, except that null and unknown values may have type <see cref="CtyType.Dynamic"/> when their type is not known.
/// Unknown refinements (msgpack ext 12) are accepted by the codec and deliberately not kept: nothing in this provider
/// plans with them, and keeping them would make a refined and an unrefined unknown compare unequal.
/// </summary>
public sealed class CtyValue : IEquatable<CtyValue>
{
    private readonly object? _payload;

    private CtyValue(CtyType type, CtyValueState state, object? payload)
    {
        Type = type;
        State = state;
        _payload = payload;
    }

    public CtyType Type { get; }
    public CtyValueState State { get; }
    public bool IsNull => State == CtyValueState.Null;
    public bool IsUnknown => State == CtyValueState.Unknown;
    public bool IsKnown => State == CtyValueState.Known;

    // ---- construction ----

    public static CtyValue Null(CtyType type) => new(type, CtyValueState.Null, null);
    public static CtyValue Unknown(CtyType type) => new(type, CtyValueState.Unknown, null);

    public static CtyValue String(string value) => new(CtyType.String, CtyValueState.Known, value ?? throw new ArgumentNullException(nameof(value)));
    public static CtyValue Number(CtyNumber value) => new(CtyType.Number, CtyValueState.Known, value);
    public static CtyValue Bool(bool value) => value ? True : False;
    public static readonly CtyValue True = new(CtyType.Bool, CtyValueState.Known, true);
    public static readonly CtyValue False = new(CtyType.Bool, CtyValueState.Known, false);

    /// <summary>Null when <paramref name="value"/> is null: the usual mapping from an optional API field.</summary>
    public static CtyValue StringOrNull(string? value) => value is null ? Null(CtyType.String) : String(value);
    public static CtyValue NumberOrNull(long? value) => value is null ? Null(CtyType.Number) : Number(value.Value);
    public static CtyValue BoolOrNull(bool? value) => value is null ? Null(CtyType.Bool) : Bool(value.Value);

    public static CtyValue List(CtyType elementType, IEnumerable<CtyValue> elements) =>
        new(CtyType.List(elementType), CtyValueState.Known, CheckElements(elementType, elements.ToArray()));

    /// <summary>A set value; duplicate elements collapse as in cty.</summary>
    public static CtyValue Set(CtyType elementType, IEnumerable<CtyValue> elements) =>
        new(CtyType.Set(elementType), CtyValueState.Known, DistinctSetElements(CheckElements(elementType, elements.ToArray())));

    private static CtyValue[] DistinctSetElements(CtyValue[] elements)
    {
        if (elements.Length < 2) return elements;
        var distinct = new List<CtyValue>(elements.Length);
        // Linear search is cheaper for the small sets Terraform schemas usually hold; hashing keeps big ones linear.
        var seen = elements.Length > 8 ? new HashSet<CtyValue>() : null;
        foreach (var e in elements)
        {
            // Unknown elements never compare equal to anything, so they are all kept (as cty does).
            if (!e.IsWhollyKnown) { distinct.Add(e); continue; }
            if (seen is not null ? seen.Add(e) : !ContainsEqual(distinct, e)) distinct.Add(e);
        }
        return distinct.Count == elements.Length ? elements : distinct.ToArray();
    }

    private static bool ContainsEqual(List<CtyValue> values, CtyValue value)
    {
        foreach (var v in values)
            if (v.IsWhollyKnown && v.Equals(value)) return true;
        return false;
    }

    // ---- construction by the codecs (already checked against the schema type; arrays and dictionaries are taken over) ----

    /// <summary>A known list or tuple of <paramref name="type"/>.</summary>
    internal static CtyValue DecodedSequence(CtyType type, CtyValue[] elements) => new(type, CtyValueState.Known, elements);

    /// <summary>A known set of <paramref name="type"/>; duplicates collapse as in <see cref="Set"/>.</summary>
    internal static CtyValue DecodedSet(CtySetType type, CtyValue[] elements) => new(type, CtyValueState.Known, DistinctSetElements(elements));

    /// <summary>A known object or map of <paramref name="type"/>, keyed by ordinal order.</summary>
    internal static CtyValue DecodedEntries(CtyType type, SortedDictionary<string, CtyValue> entries) => new(type, CtyValueState.Known, entries);

    /// <summary>The elements of a known list, set or tuple without going through the interface (codec hot path).</summary>
    internal CtyValue[] ElementArray => _payload as CtyValue[] ?? throw NotA("list, set or tuple");

    /// <summary>The entries of a known object or map without going through the interface (codec hot path).</summary>
    internal SortedDictionary<string, CtyValue> EntryDictionary => _payload as SortedDictionary<string, CtyValue> ?? throw NotA("object or map");

    public static CtyValue Map(CtyType elementType, IEnumerable<KeyValuePair<string, CtyValue>> elements)
    {
        var map = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var (k, v) in elements)
        {
            CheckConforms(elementType, v);
            map[k] = v;
        }
        return new(CtyType.Map(elementType), CtyValueState.Known, map);
    }

    public static CtyValue Tuple(IEnumerable<CtyValue> elements)
    {
        var arr = elements.ToArray();
        return new(CtyType.Tuple(arr.Select(e => e.Type).ToArray()), CtyValueState.Known, arr);
    }

    /// <summary>A tuple of a declared type (elements may be null or unknown of a dynamic element type).</summary>
    public static CtyValue Tuple(CtyTupleType type, IEnumerable<CtyValue> elements)
    {
        var arr = elements.ToArray();
        if (arr.Length != type.Elements.Count) throw new ArgumentException($"a tuple of {type.Elements.Count} elements needs {type.Elements.Count} values, not {arr.Length}");
        for (var i = 0; i < arr.Length; i++) CheckConforms(type.Elements[i], arr[i]);
        return new(type, CtyValueState.Known, arr);
    }

    /// <summary>An object whose type is inferred from its attribute values.</summary>
    public static CtyValue Object(IEnumerable<KeyValuePair<string, CtyValue>> attributes)
    {
        var map = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var (k, v) in attributes) map.Add(k, v);
        return new(CtyType.Object(map.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Type))), CtyValueState.Known, map);
    }

    /// <summary>An object of a declared type; every attribute of the type must be given, and no other.</summary>
    public static CtyValue Object(CtyObjectType type, IEnumerable<KeyValuePair<string, CtyValue>> attributes)
    {
        var map = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var (k, v) in attributes)
        {
            if (!type.Attributes.TryGetValue(k, out var at)) throw new ArgumentException($"object type has no attribute \"{k}\"");
            CheckConforms(at, v);
            map.Add(k, v);
        }
        if (map.Count != type.Attributes.Count)
        {
            var missing = type.Attributes.Keys.First(k => !map.ContainsKey(k));
            throw new ArgumentException($"attribute \"{missing}\" is required");
        }
        return new(type, CtyValueState.Known, map);
    }

    private static CtyValue[] CheckElements(CtyType elementType, CtyValue[] elements)
    {
        foreach (var e in elements) CheckConforms(elementType, e);
        return elements;
    }

    private static void CheckConforms(CtyType declared, CtyValue value)
    {
        if (declared is CtyDynamicType || value.Type is CtyDynamicType) return;
        if (!declared.Equals(value.Type))
            throw new ArgumentException($"a value of type {value.Type.FriendlyName} where {declared.FriendlyName} is required");
    }

    // ---- access ----

    public string AsString() => _payload as string ?? throw NotA("string");
    public CtyNumber AsNumber() => _payload is CtyNumber n ? n : throw NotA("number");
    public bool AsBool() => _payload is bool b ? b : throw NotA("bool");

    /// <summary>Elements of a known list, set or tuple.</summary>
    public IReadOnlyList<CtyValue> Elements => _payload as CtyValue[] ?? throw NotA("list, set or tuple");

    /// <summary>Attributes of a known object, or the entries of a known map, in ordinal key order.</summary>
    public IReadOnlyDictionary<string, CtyValue> Attributes => _payload as SortedDictionary<string, CtyValue> ?? throw NotA("object or map");

    /// <summary>An object attribute; a null or unknown object yields a null or unknown attribute of the right type.</summary>
    public CtyValue GetAttribute(string name)
    {
        if (Type is not CtyObjectType ot || !ot.Attributes.TryGetValue(name, out var at))
            throw new ArgumentException($"{Type.FriendlyName} has no attribute \"{name}\"");
        return State switch
        {
            CtyValueState.Null => Null(at),
            CtyValueState.Unknown => Unknown(at),
            _ => Attributes[name],
        };
    }

    public bool TryGetAttribute(string name, [NotNullWhen(true)] out CtyValue? value)
    {
        value = null;
        if (Type is not CtyObjectType ot || !ot.Attributes.ContainsKey(name)) return false;
        value = GetAttribute(name);
        return true;
    }

    /// <summary>A copy of this known object with one attribute replaced.</summary>
    public CtyValue WithAttribute(string name, CtyValue value)
    {
        var attrs = new SortedDictionary<string, CtyValue>(Attributes.ToDictionary(), StringComparer.Ordinal) { [name] = value };
        return Type is CtyObjectType ot ? Object(ot, attrs) : Object(attrs);
    }

    /// <summary>False if this value or anything inside it is unknown.</summary>
    public bool IsWhollyKnown => State switch
    {
        CtyValueState.Unknown => false,
        CtyValueState.Null => true,
        _ => _payload switch
        {
            CtyValue[] arr => arr.All(e => e.IsWhollyKnown),
            SortedDictionary<string, CtyValue> map => map.Values.All(e => e.IsWhollyKnown),
            _ => true,
        },
    };

    /// <summary>The value at <paramref name="path"/>, or null when the path does not exist in this value.</summary>
    public CtyValue? At(CtyPath path)
    {
        var v = this;
        foreach (var step in path.Steps)
        {
            if (!v.IsKnown) return step is CtyAttributeStep a && v.Type is CtyObjectType ot && ot.Attributes.TryGetValue(a.Name, out var t)
                ? (v.IsNull ? Null(t) : Unknown(t)) : null;
            switch (step)
            {
                case CtyAttributeStep a when v.Type is CtyObjectType:
                    if (!v.Attributes.TryGetValue(a.Name, out var next)) return null;
                    v = next;
                    break;
                case CtyIndexStep i when v.Type is CtyListType or CtyTupleType:
                    if (i.Index < 0 || i.Index >= v.Elements.Count) return null;
                    v = v.Elements[(int)i.Index];
                    break;
                case CtyKeyStep k when v.Type is CtyMapType:
                    if (!v.Attributes.TryGetValue(k.Key, out var m)) return null;
                    v = m;
                    break;
                default:
                    return null;
            }
        }
        return v;
    }

    /// <summary>
    /// Rebuilds the value bottom-up, calling <paramref name="transform"/> on every nested value with its path (children
    /// first). Set elements are visited with the set's path, since they cannot be addressed.
    /// </summary>
    public CtyValue Transform(Func<CtyPath, CtyValue, CtyValue> transform) => TransformAt(CtyPath.Root, transform);

    private CtyValue TransformAt(CtyPath path, Func<CtyPath, CtyValue, CtyValue> transform)
    {
        var v = this;
        if (IsKnown)
        {
            switch (Type)
            {
                case CtyObjectType ot:
                    v = Object(ot, Attributes.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.TransformAt(path.Attr(kv.Key), transform))));
                    break;
                case CtyListType lt:
                    v = List(lt.Element, Elements.Select((e, i) => e.TransformAt(path.Index(i), transform)));
                    break;
                case CtySetType st:
                    v = Set(st.Element, Elements.Select(e => e.TransformAt(path, transform)));
                    break;
                case CtyMapType mt:
                    v = Map(mt.Element, Attributes.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.TransformAt(path.Key(kv.Key), transform))));
                    break;
                case CtyTupleType tt:
                    v = Tuple(tt, Elements.Select((e, i) => e.TransformAt(path.Index(i), transform)));
                    break;
            }
        }
        return transform(path, v);
    }

    // ---- equality ----

    /// <summary>
    /// Structural equality, as Terraform compares values: same type, same state, and equal contents (sets as sets).
    /// Two unknowns of the same type are equal here, which is what plan comparison needs (an unknown stays unknown).
    /// Sets compare through the content hash (<see cref="GetHashCode"/>), so comparing two sets of n elements is
    /// linear, not n².
    /// </summary>
    public bool Equals(CtyValue? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || State != other.State || !Type.Equals(other.Type)) return false;
        if (!IsKnown) return true;
        // Cached content hashes tell most unequal values apart without walking them.
        if (_hash != 0 && other._hash != 0 && _hash != other._hash) return false;
        return (_payload, other._payload) switch
        {
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (CtyNumber a, CtyNumber b) => a.Equals(b),
            (bool a, bool b) => a == b,
            (CtyValue[] a, CtyValue[] b) when Type is CtySetType => a.Length == b.Length && SetEquals(a, b),
            (CtyValue[] a, CtyValue[] b) => a.Length == b.Length && SequenceEquals(a, b),
            (SortedDictionary<string, CtyValue> a, SortedDictionary<string, CtyValue> b) =>
                a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var bv) && kv.Value.Equals(bv)),
            _ => false,
        };
    }

    private static bool SequenceEquals(CtyValue[] a, CtyValue[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (!a[i].Equals(b[i])) return false;
        return true;
    }

    /// <summary>Every element of each set is in the other (pairwise for a few elements, by hash beyond).</summary>
    private static bool SetEquals(CtyValue[] a, CtyValue[] b)
    {
        if (a.Length <= 8)
            return a.All(x => Array.Exists(b, x.Equals)) && b.All(y => Array.Exists(a, y.Equals));
        var inB = new HashSet<CtyValue>(b);
        foreach (var x in a)
            if (!inB.Contains(x)) return false;
        // Equal lengths and a ⊆ b: b ⊆ a too, unless one side repeats an element (only unknown-holding ones can).
        if (inB.Count == b.Length && new HashSet<CtyValue>(a).Count == a.Length) return true;
        var inA = new HashSet<CtyValue>(a);
        foreach (var y in b)
            if (!inA.Contains(y)) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is CtyValue v && Equals(v);

    /// <summary>0 until computed (a computed hash of 0 is stored as 1): values are immutable, so it is computed once.</summary>
    private int _hash;

    /// <summary>
    /// A hash of the whole content: equal values (<see cref="Equals(CtyValue?)"/>) hash alike, a set's hash does not
    /// depend on element order, and objects and maps hash their entries in key order. Computed once per value.
    /// </summary>
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash != 0) return hash;
        hash = ComputeHash();
        if (hash == 0) hash = 1;
        _hash = hash;
        return hash;
    }

    private int ComputeHash()
    {
        if (!IsKnown) return HashCode.Combine(Type, State);
        switch (_payload)
        {
            case string s: return HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(s));
            case CtyNumber n: return HashCode.Combine(Type, n);
            case bool b: return HashCode.Combine(Type, b);
            case CtyValue[] arr when Type is CtySetType:
            {
                // Order-free: a sum of mixed element hashes. Duplicates (possible only for unknown-holding elements)
                // are counted once, as equality counts them.
                var sum = 0u;
                var seen = arr.Length > 1 ? new HashSet<CtyValue>(arr.Length) : null;
                foreach (var e in arr)
                    if (seen is null || seen.Add(e)) sum += OrderFreeHash.Mix((uint)e.GetHashCode());
                return HashCode.Combine(Type, sum, seen?.Count ?? arr.Length);
            }
            case CtyValue[] arr:
            {
                var h = new HashCode();
                h.Add(Type);
                foreach (var e in arr) h.Add(e.GetHashCode());
                return h.ToHashCode();
            }
            case SortedDictionary<string, CtyValue> map:
            {
                var h = new HashCode();
                h.Add(Type);
                foreach (var (k, v) in map)
                {
                    h.Add(StringComparer.Ordinal.GetHashCode(k));
                    h.Add(v.GetHashCode());
                }
                return h.ToHashCode();
            }
            default: return Type.GetHashCode();
        }
    }


    private InvalidOperationException NotA(string what) =>
        new($"value is {(IsNull ? "null" : IsUnknown ? "unknown" : Type.FriendlyName)}, not a known {what}");

    /// <summary>A debugging rendering close to Terraform's (<c>cty.StringVal("x")</c> style is not needed by users).</summary>
    public override string ToString()
    {
        if (IsNull) return "null";
        if (IsUnknown) return "(unknown)";
        return _payload switch
        {
            string s => "\"" + s + "\"",
            CtyNumber n => n.ToString(),
            bool b => b ? "true" : "false",
            CtyValue[] arr => "[" + string.Join(", ", arr.Select(e => e.ToString())) + "]",
            SortedDictionary<string, CtyValue> map => "{" + string.Join(", ", map.Select(kv => kv.Key + " = " + kv.Value)) + "}",
            _ => "?",
        };
    }
}
