using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Tfplugin6;
using Diagnostic = DbtTfProvider.Framework.Diagnostics.Diagnostic;
using WireDiagnostic = Tfplugin6.Diagnostic;

namespace DbtTfProvider.Framework.Server;

/// <summary>Translations between the framework's types and tfplugin6 messages. No behaviour lives here.</summary>
public static class WireConversions
{
    /// <summary>Decodes a DynamicValue (msgpack, or JSON when that is what was sent); absent means null.</summary>
    public static CtyValue Decode(DynamicValue? value, CtyType type)
    {
        if (value is null) return CtyValue.Null(type);
        if (!value.Msgpack.IsEmpty) return CtyMsgPack.Decode(value.Msgpack.Span, type);
        if (!value.Json.IsEmpty) return CtyJson.Decode(value.Json.Span, type);
        return CtyValue.Null(type);
    }

    public static DynamicValue Encode(CtyValue value, CtyType type) => new() { Msgpack = ByteString.CopyFrom(CtyMsgPack.Encode(value, type)) };

    public static AttributePath ToWire(CtyPath path)
    {
        var wire = new AttributePath();
        foreach (var step in path.Steps)
        {
            wire.Steps.Add(step switch
            {
                CtyAttributeStep a => new AttributePath.Types.Step { AttributeName = a.Name },
                CtyIndexStep i => new AttributePath.Types.Step { ElementKeyInt = i.Index },
                CtyKeyStep k => new AttributePath.Types.Step { ElementKeyString = k.Key },
                _ => throw new ArgumentOutOfRangeException(nameof(path)),
            });
        }
        return wire;
    }

    public static CtyPath FromWire(AttributePath path) => CtyPath.Of(path.Steps.Select(s => s.SelectorCase switch
    {
        AttributePath.Types.Step.SelectorOneofCase.AttributeName => (CtyPathStep)new CtyAttributeStep(s.AttributeName),
        AttributePath.Types.Step.SelectorOneofCase.ElementKeyInt => new CtyIndexStep(s.ElementKeyInt),
        _ => new CtyKeyStep(s.ElementKeyString),
    }).ToArray());

    public static WireDiagnostic ToWire(Diagnostic d)
    {
        var wire = new WireDiagnostic
        {
            Severity = d.Severity == DiagnosticSeverity.Error ? WireDiagnostic.Types.Severity.Error : WireDiagnostic.Types.Severity.Warning,
            // Whatever a message echoes (a name, a service's error text) reaches the user's terminal escaped.
            Summary = DisplayText.ForTerminal(d.Summary, multiline: false),
            Detail = DisplayText.ForTerminal(d.Detail, multiline: true),
        };
        if (d.Path is { IsRoot: false } p) wire.Attribute = ToWire(p);
        return wire;
    }

    public static void AddTo(this IEnumerable<Diagnostic> diagnostics, RepeatedField<WireDiagnostic> target) => target.AddRange(diagnostics.Select(ToWire));

    public static Tfplugin6.Schema ToWire(SchemaBlock block, long version) =>
        new() { Version = version, Block = ToWireBlock(block, version, SchemaShape.Fold<WireMember>(block, ToWireMember)) };

    /// <summary>A member on the wire: an attribute or a nested block.</summary>
    private readonly record struct WireMember(Tfplugin6.Schema.Types.Attribute? Attribute, Tfplugin6.Schema.Types.NestedBlock? Block);

    private static Tfplugin6.Schema.Types.Block ToWireBlock(SchemaBlock block, long version, IReadOnlyList<WireMember> members)
    {
        var wire = new Tfplugin6.Schema.Types.Block
        {
            Version = version,
            Description = block.Description ?? "",
            DescriptionKind = StringKind.Markdown,
            Deprecated = block.Deprecation is not null,
            DeprecationMessage = block.Deprecation ?? "",
        };
        foreach (var m in members)
        {
            if (m.Attribute is { } a) wire.Attributes.Add(a);
            else wire.BlockTypes.Add(m.Block);
        }
        return wire;
    }

    /// <summary>One member, given its inner object's members already on the wire.</summary>
    private static WireMember ToWireMember(SchemaMember m, IReadOnlyList<WireMember> inside)
    {
        if (m.Attribute is { } a) return new(ToWireAttribute(a, m.Nesting, inside), null);
        var b = m.Block!;
        var inner = ToWireBlock(b.Block, 0, inside);
        inner.Description = b.Description ?? b.Block.Description ?? "";
        inner.Deprecated = b.Deprecation is not null;
        inner.DeprecationMessage = b.Deprecation ?? "";
        return new(null, new Tfplugin6.Schema.Types.NestedBlock
        {
            TypeName = b.Name,
            Block = inner,
            Nesting = m.Nesting switch
            {
                SchemaNesting.Single => Tfplugin6.Schema.Types.NestedBlock.Types.NestingMode.Single,
                SchemaNesting.List => Tfplugin6.Schema.Types.NestedBlock.Types.NestingMode.List,
                _ => Tfplugin6.Schema.Types.NestedBlock.Types.NestingMode.Set,
            },
            MinItems = b.MinItems,
            MaxItems = b.MaxItems,
        });
    }

    /// <summary>An attribute; a nested attribute carries its objects' attributes in place of a type.</summary>
    private static Tfplugin6.Schema.Types.Attribute ToWireAttribute(SchemaAttribute a, SchemaNesting nesting, IReadOnlyList<WireMember> inside)
    {
        var wire = new Tfplugin6.Schema.Types.Attribute
        {
            Name = a.Name,
            Description = Describe(a),
            DescriptionKind = StringKind.Markdown,
            Required = a.Required,
            Optional = a.Optional,
            Computed = a.Computed,
            Sensitive = a.Sensitive,
            WriteOnly = a.WriteOnly,
            Deprecated = a.Deprecation is not null,
            DeprecationMessage = a.Deprecation ?? "",
        };
        if (nesting == SchemaNesting.None)
        {
            wire.Type = ByteString.CopyFrom(CtyTypeJson.Serialize(a.Type));
            return wire;
        }
        var wireObject = new Tfplugin6.Schema.Types.Object
        {
            Nesting = nesting switch
            {
                SchemaNesting.Single => Tfplugin6.Schema.Types.Object.Types.NestingMode.Single,
                SchemaNesting.List => Tfplugin6.Schema.Types.Object.Types.NestingMode.List,
                SchemaNesting.Set => Tfplugin6.Schema.Types.Object.Types.NestingMode.Set,
                _ => Tfplugin6.Schema.Types.Object.Types.NestingMode.Map,
            },
        };
        // A nested attribute's objects hold attributes only (the schema builder rejects a block inside).
        foreach (var m in inside) wireObject.Attributes.Add(m.Attribute);
        wire.NestedType = wireObject;
        return wire;
    }

    /// <summary>
    /// The description plus the rules a user needs to know (default, environment variables), for IDEs and plan
    /// output. Each is said once: a sentence is added only when the hand-written text does not already state it.
    /// </summary>
    internal static string Describe(SchemaAttribute a)
    {
        var text = a.Description ?? "";
        var parts = new List<string>();
        if (text.Length > 0) parts.Add(text);
        if (a.Default is { } d && !StatesDefault(text, d)) parts.Add($"Defaults to `{d}`.");
        var unnamed = a.EnvironmentVariables.Where(e => !text.Contains(e, StringComparison.Ordinal)).ToArray();
        if (unnamed.Length > 0) parts.Add("Environment: " + string.Join(", ", unnamed.Select(e => $"`{e}`")) + ".");
        return string.Join(" ", parts);
    }

    /// <summary>The text speaks of a default ("Defaults to …", "(the default)") or names a text default itself.</summary>
    private static bool StatesDefault(string text, CtyValue value) =>
        text.Contains("default", StringComparison.OrdinalIgnoreCase)
        || value.Type.Equals(CtyType.String) && value.AsString() is { Length: > 0 } s && text.Contains(s, StringComparison.Ordinal);
}
