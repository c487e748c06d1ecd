using Google.Protobuf;
using Tfplugin6;

namespace DbtTfProvider.TestProvider.DbtLabsStandIn;

/// <summary>Just enough of tfplugin6's schema messages to write another provider's schema by hand.</summary>
internal static class WireSchema
{
    public static Schema.Types.Attribute Attr(string name, string ctyType, bool required = false, bool optional = false, bool computed = false,
        bool sensitive = false) =>
        new() { Name = name, Type = ByteString.CopyFromUtf8(ctyType.StartsWith('[') ? ctyType : $"\"{ctyType}\""), Required = required,
            Optional = optional, Computed = computed, Sensitive = sensitive };

    /// <summary>A single nested attribute (terraform-plugin-framework's SingleNestedAttribute).</summary>
    public static Schema.Types.Attribute Nested(string name, bool required, Schema.Types.Attribute[] attributes)
    {
        var nested = new Schema.Types.Object { Nesting = Schema.Types.Object.Types.NestingMode.Single };
        nested.Attributes.AddRange(attributes);
        return new() { Name = name, NestedType = nested, Required = required, Optional = !required };
    }

    public static Schema.Types.NestedBlock Block(string name, Schema.Types.NestedBlock.Types.NestingMode nesting, Schema.Types.Attribute[] attributes)
    {
        var block = new Schema.Types.Block();
        block.Attributes.AddRange(attributes);
        return new() { TypeName = name, Nesting = nesting, Block = block };
    }

    public static Schema Resource(Schema.Types.Attribute[] attributes, Schema.Types.NestedBlock[] blocks)
    {
        var block = new Schema.Types.Block();
        block.Attributes.AddRange(attributes);
        block.BlockTypes.AddRange(blocks);
        return new Schema { Version = 0, Block = block };
    }
}
