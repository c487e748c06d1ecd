using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>A nested block type (<c>tag { ... }</c>) with its nesting mode and item limits; a record, changed with <c>with</c>.</summary>
public sealed record SchemaNestedBlock
{
    public required string Name { get; init; }
    public required BlockNesting Nesting { get; init; }
    public required SchemaBlock Block { get; init; }
    public int MinItems { get; init; }
    public int MaxItems { get; init; }
    public string? Description { get; init; }
    public string? Deprecation { get; init; }
    public IReadOnlyList<IPlanModifier> PlanModifiers { get; init; } = [];
    public IReadOnlyList<IAttributeValidator> Validators { get; init; } = [];
    public string? ApiName { get; init; }

    /// <summary>The cty type of the block's value: an object (single), or a list or set of objects.</summary>
    public CtyType Type => Nesting switch
    {
        BlockNesting.Single => Block.ImpliedType,
        BlockNesting.List => CtyType.List(Block.ImpliedType),
        _ => CtyType.Set(Block.ImpliedType),
    };

    /// <summary>A list or set of blocks is an empty collection, never null, when no block is written.</summary>
    public CtyValue EmptyValue => Nesting switch
    {
        BlockNesting.Single => CtyValue.Null(Block.ImpliedType),
        BlockNesting.List => CtyValue.List(Block.ImpliedType, []),
        _ => CtyValue.Set(Block.ImpliedType, []),
    };
}
