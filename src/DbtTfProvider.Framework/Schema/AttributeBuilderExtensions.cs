using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>Validators that only make sense for one value kind, offered only on that kind.</summary>
public static class AttributeBuilderExtensions
{
    public static AttributeBuilder<TfString> OneOf(this AttributeBuilder<TfString> b, params string[] values) => b.Validator(new OneOfValidator(values));

    public static AttributeBuilder<TfString> LengthAtLeast(this AttributeBuilder<TfString> b, int minimum) => b.Validator(new LengthAtLeastValidator(minimum));

    /// <summary>An object's name in a service: not blank, at most <paramref name="maxLength"/> characters.</summary>
    public static AttributeBuilder<TfString> ObjectName(this AttributeBuilder<TfString> b, int maxLength) => b.Validator(new ObjectNameValidator(maxLength));

    /// <summary>A custom check: return null when fine, else the problem completing "NAME …".</summary>
    public static AttributeBuilder<TfString> Check(this AttributeBuilder<TfString> b, string description, Func<string, string?> check) =>
        b.Validator(new StringValidator(description, check));

    public static AttributeBuilder<TfInt64> Range(this AttributeBuilder<TfInt64> b, long? min, long? max) =>
        b.Validator(new RangeValidator(min is { } lo ? lo : null, max is { } hi ? hi : null));
    public static AttributeBuilder<TfNumber> Range(this AttributeBuilder<TfNumber> b, double? min, double? max) =>
        b.Validator(new RangeValidator(min is { } lo ? CtyNumber.FromDouble(lo) : null, max is { } hi ? CtyNumber.FromDouble(hi) : null));
    /// <summary>Strictly between <paramref name="min"/> and <paramref name="max"/>, and sent to the service as written (a 64-bit float).</summary>
    public static AttributeBuilder<TfNumber> Between(this AttributeBuilder<TfNumber> b, double min, double max) =>
        b.Validator(new RangeValidator(CtyNumber.FromDouble(min), CtyNumber.FromDouble(max), exclusive: true, fitsDouble: true));

    public static AttributeBuilder<TfList<T>> LengthAtLeast<T>(this AttributeBuilder<TfList<T>> b, int minimum) => b.Validator(new LengthAtLeastValidator(minimum));

    /// <summary>Applies a validator to every element (list elements are named by index in diagnostics).</summary>
    public static AttributeBuilder<TfList<T>> Each<T>(this AttributeBuilder<TfList<T>> b, IAttributeValidator element) => b.Validator(new EachElementValidator(element));
    public static AttributeBuilder<TfSet<T>> Each<T>(this AttributeBuilder<TfSet<T>> b, IAttributeValidator element) => b.Validator(new EachElementValidator(element));
}
