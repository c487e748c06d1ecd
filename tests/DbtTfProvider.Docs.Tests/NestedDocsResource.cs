using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Docs.Tests;

public sealed class NestedDocsResource : Resource<DocsModel, object>
{
    public override string TypeName => "test_docs";

    public static ProviderPart<DocsModel, object> Part() => new()
    {
        Name = "test",
        ConfigSchema = s => s.String("colour", c => ref c.Colour).Optional().Description("Unused."),
        Configure = (_, _) => Task.FromResult(new object()),
        Resources = [new NestedDocsResource()],
        DescribeError = _ => null,
    };

    protected override void DefineSchema(ResourceSchemaBuilder<DocsModel> schema)
    {
        schema.Description("Docs of nested attributes.");
        schema.String("colour", m => ref m.Colour).Optional().Default("blue").Description("The colour.");
        schema.String("size", m => ref m.Size).Optional().Default("3").Description("The size; `3` unless set (the default).");
        schema.SingleNestedAttribute("owner", m => ref m.Owner, o => o.String("name", x => ref x.Name).Required().Description("The owner's name.")).Optional().Description("Who owns it.");
        schema.ListNestedAttribute("steps", m => ref m.Steps, o => o.String("name", x => ref x.Name).Required().Description("A step.")).Optional().Description("The steps.");
        schema.SetNestedAttribute("grants", m => ref m.Grants, o => o.String("name", x => ref x.Name).Required().Description("A grant.")).Optional().Description("The grants.");
        schema.MapNestedAttribute("labels", m => ref m.Labels, o => o.String("value", x => ref x.Value).Required().Description("The label.")).Optional().Description("The labels.");
        schema.ListBlock("note", m => ref m.Notes, o => o.String("value", x => ref x.Value).Required().Description("The text.")).Description("A note.");
    }

    public override Task CreateAsync(CreateContext<DocsModel, object> context) => Task.CompletedTask;
    public override Task ReadAsync(ReadContext<DocsModel, object> context) => Task.CompletedTask;
    public override Task UpdateAsync(UpdateContext<DocsModel, object> context) => Task.CompletedTask;
    public override Task DeleteAsync(DeleteContext<DocsModel, object> context) => Task.CompletedTask;
}
