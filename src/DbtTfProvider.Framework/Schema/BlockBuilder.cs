using DbtTfProvider.Framework.PlanModifiers;
using DbtTfProvider.Framework.Validators;

namespace DbtTfProvider.Framework.Schema;

/// <summary>Fluent limits and rules for a nested block type.</summary>
public sealed class BlockBuilder
{
    internal int Min, Max;
    internal string? Text, Deprecation, Api;
    internal readonly List<IPlanModifier> Modifiers = [];
    internal readonly List<IAttributeValidator> Validators = [];

    internal BlockBuilder() { }

    /// <summary>At least this many blocks (Terraform enforces it; 1 on a single block makes it required).</summary>
    public BlockBuilder MinItems(int count) { Min = count; return this; }
    public BlockBuilder MaxItems(int count) { Max = count; return this; }
    public BlockBuilder Description(string markdown) { Text = markdown; return this; }
    public BlockBuilder Deprecated(string message) { Deprecation = message; return this; }
    public BlockBuilder ApiName(string apiField) { Api = apiField; return this; }
    public BlockBuilder PlanModifier(IPlanModifier modifier) { Modifiers.Add(modifier); return this; }
    /// <summary>Any change to these blocks replaces the resource.</summary>
    public BlockBuilder RequiresReplace() => PlanModifier(RequiresReplaceModifier.Instance);
    public BlockBuilder Validator(IAttributeValidator validator) { Validators.Add(validator); return this; }
}
