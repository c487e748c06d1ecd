using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

/// <summary>
/// <c>test_nest</c>: one nested attribute of each nesting mode (single, list, set, map), one computed-only nested
/// attribute, and a list block beside them, so that every walk over a schema meets both kinds.
/// </summary>
public sealed class NestResource : Resource<NestModel, NestApi>
{
    public override string TypeName => "test_nest";

    protected override void DefineSchema(ResourceSchemaBuilder<NestModel> schema)
    {
        schema.Description("Nested attributes of every kind.");
        schema.String("id", m => ref m.Id).Computed().UseStateForUnknown().Description("Id.");
        schema.SingleNestedAttribute("owner", m => ref m.Owner, o =>
        {
            o.String("name", x => ref x.Name).Required().LengthAtLeast(1).Description("Owner's name.");
            o.String("email", x => ref x.Email).Optional().Deprecated("use name").Description("Owner's e-mail.");
            o.String("owner_id", x => ref x.OwnerId).Computed().UseStateForUnknown().Description("Set by the API.");
        }).Optional().ApiName("owner").Description("Who owns it.");
        schema.ListNestedAttribute("steps", m => ref m.Steps, st =>
        {
            st.String("command", x => ref x.Command).Required()
                .Validator(new StringValidator("starts with `dbt `", v => v.StartsWith("dbt ", StringComparison.Ordinal) ? null : "must start with \"dbt \""))
                .Description("A dbt command.");
            st.Int64("timeout", x => ref x.Timeout).Optional().Default(30).Description("Seconds.");
        }).Optional().Description("Steps, in order.");
        schema.SetNestedAttribute("grants", m => ref m.Grants, g =>
        {
            g.Int64("project", x => ref x.Project).Required().Range(1, null).Description("Project id.");
            g.String("grant_id", x => ref x.GrantId).Computed().UseStateForUnknown().Description("Set by the API.");
        }).Optional().RequiresReplace().Description("Grants, in any order.");
        schema.MapNestedAttribute("labels", m => ref m.Labels, l =>
        {
            l.String("value", x => ref x.Value).Required().Description("Label value.");
            l.String("level", x => ref x.Level).Optional().Default("info").OneOf("info", "warn").Description("Label level.");
        }).Optional().Description("Labels by name.");
        schema.SingleNestedAttribute("summary", m => ref m.Summary, su =>
        {
            su.Int64("steps", x => ref x.Steps).Computed().Description("How many steps.");
        }).Computed().Description("Filled in by the API.");
        schema.ListBlock("note", m => ref m.Notes, n => n.String("text", x => ref x.Text).Required().Description("Text.")).Description("Notes.");
    }

    public override Task CreateAsync(CreateContext<NestModel, NestApi> context)
    {
        var plan = context.Plan;
        plan.Id = "n-" + context.Client.NextId++;
        if (plan.Owner.IsKnown) plan.Owner.Value.OwnerId = "o-" + plan.Owner.Value.Name.Value;
        if (context.Client.RenameOwner) plan.Owner.Value.Name = plan.Owner.Value.Name.Value + "-renamed";
        Fill(plan);
        context.Client.Objects[plan.Id.Value] = plan;
        context.State = plan;
        return Task.CompletedTask;
    }

    public override Task ReadAsync(ReadContext<NestModel, NestApi> context) => Task.CompletedTask;

    public override Task UpdateAsync(UpdateContext<NestModel, NestApi> context)
    {
        if (context.Plan.Owner.IsKnown && context.Plan.Owner.Value.OwnerId.IsUnknown) context.Plan.Owner.Value.OwnerId = "o-" + context.Plan.Owner.Value.Name.Value;
        Fill(context.Plan);
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(DeleteContext<NestModel, NestApi> context) => Task.CompletedTask;

    private static void Fill(NestModel plan)
    {
        if (plan.Grants.IsKnown)
            plan.Grants = TfSet<GrantModel>.Of(plan.Grants.Elements.Select(g => new GrantModel { Project = g.Project, GrantId = g.GrantId.IsKnown ? g.GrantId : "g-" + g.Project.Value }));
        plan.Summary = new SummaryModel { Steps = plan.Steps.IsKnown ? plan.Steps.Elements.Count : 0 };
    }
}
