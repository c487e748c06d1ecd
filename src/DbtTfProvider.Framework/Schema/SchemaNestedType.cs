using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// The objects a nested attribute holds: their attributes (<see cref="SchemaBlock"/> without nested blocks, which
/// Terraform does not allow inside nested attributes) and the nesting mode.
/// </summary>
public sealed record SchemaNestedType
{
    public required AttributeNesting Nesting { get; init; }
    public required SchemaBlock Object { get; init; }

    /// <summary>The cty type of the attribute's value: the object, or a list, set or map of it.</summary>
    public CtyType Type => Nesting switch
    {
        AttributeNesting.Single => Object.ImpliedType,
        AttributeNesting.List => CtyType.List(Object.ImpliedType),
        AttributeNesting.Set => CtyType.Set(Object.ImpliedType),
        _ => CtyType.Map(Object.ImpliedType),
    };
}
