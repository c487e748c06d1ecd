namespace DbtTfProvider.Framework.Schema;

internal sealed class BlockSpec(string name, BlockNesting nesting, SchemaBlock block) : IMemberSpec
{
    public string Name { get; } = name;
    public readonly BlockBuilder Builder = new();

    public SchemaNestedBlock Build<TModel>(SchemaBuilder<TModel> owner) where TModel : class, new()
    {
        var b = Builder;
        if (nesting == BlockNesting.Single && (b.Min > 1 || b.Max > 1))
            throw new SchemaDefinitionException($"{owner.Owner}, block \"{Name}\": a single block has at most one item.");
        if (b.Max > 0 && b.Min > b.Max)
            throw new SchemaDefinitionException($"{owner.Owner}, block \"{Name}\": min_items exceeds max_items.");
        return new SchemaNestedBlock
        {
            Name = Name, Nesting = nesting, Block = block, MinItems = b.Min,
            MaxItems = nesting == BlockNesting.Single ? (b.Min == 1 ? 1 : 0) : b.Max,
            Description = b.Text, Deprecation = b.Deprecation, PlanModifiers = b.Modifiers.ToArray(), Validators = b.Validators.ToArray(),
            ApiName = b.Api,
        };
    }
}
