using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class WidgetResource : Resource<WidgetModel, WidgetApi>, IImportableResource<WidgetModel, WidgetApi>, IMovableResource<WidgetModel>
{
    /// <summary>Accepts <c>legacy_gadget</c> of <c>acme/legacy</c> (up to schema version 1) in a moved block.</summary>
    public IReadOnlyList<StateMoveSource<WidgetModel>> MoveSources { get; } =
    [
        new("acme/legacy", "legacy_gadget", s => new WidgetModel
        {
            Id = s.String("gadget_id"),
            Name = s.String("title"),
            Mode = s.Object("options")?.Bool("fast").ValueOrNull == true ? "fast" : "standard",
            Steps = s.StringList("commands"),
        }) { MaxSchemaVersion = 1 },
    ];

    public override string TypeName => "test_widget";

    public Func<ModifyPlanContext<WidgetModel, WidgetApi>, Task>? OnModifyPlan;

    protected override void DefineSchema(ResourceSchemaBuilder<WidgetModel> schema)
    {
        schema.Version(2);
        schema.String("id", m => ref m.Id).Computed().UseStateForUnknown();
        schema.String("name", m => ref m.Name).Required().LengthAtLeast(1);
        schema.String("mode", m => ref m.Mode).Optional().Default("standard").OneOf("standard", "fast");
        schema.String("kind", m => ref m.Kind).Optional().RequiresReplace();
        schema.String("secret", m => ref m.Secret).Computed().Sensitive().UseStateForUnknown();
        schema.String("password_wo", m => ref m.PasswordWo).Optional().WriteOnly();
        schema.Int64("size", m => ref m.Size).Computed();
        schema.List("steps", m => ref m.Steps).Optional()
            .Each(new StringValidator("starts with `dbt `", v => v.StartsWith("dbt ", StringComparison.Ordinal) ? null : "must start with \"dbt \""));
        schema.SetBlock("rule", m => ref m.Rules, r =>
        {
            r.String("key", x => ref x.Key).Required();
            r.String("value", x => ref x.Value).Optional();
            r.String("rule_id", x => ref x.RuleId).Computed().UseStateForUnknown();
        }).RequiresReplace();
        schema.SingleBlock("sampling", m => ref m.Sampling, b =>
        {
            b.Bool("enabled", x => ref x.Enabled).Optional();
            b.Number("tolerance", x => ref x.Tolerance).Optional().Range(0, 1);
        });
        schema.StateUpgrader(1, json => new WidgetModel
        {
            Id = json.GetProperty("id").GetString(),
            Name = json.GetProperty("title").GetString(),
            Mode = "standard",
        });
    }

    public override async Task CreateAsync(CreateContext<WidgetModel, WidgetApi> context)
    {
        var api = context.Client;
        if (api.HangOnCreate) await Task.Delay(Timeout.Infinite, context.CancellationToken);
        if (api.RejectField is { } field) throw new WidgetRejectedException(field);
        var plan = context.Plan;
        plan.Id = (api.NextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!api.ForgetSecret) plan.Secret = "s3cret";
        plan.Size = 1;
        if (api.RenameOnCreate) plan.Name = plan.Name.Value + "-renamed";
        plan.Rules = TfSet<RuleModel>.Of(plan.Rules.Elements.Select(r => new RuleModel { Key = r.Key, Value = r.Value, RuleId = "r-" + r.Key.Value }));
        api.Objects[plan.Id.Value] = plan;
        api.Passwords[plan.Id.Value] = context.Config.PasswordWo.ValueOrNull;
        context.State = plan;
        if (api.FailAfterCreate) throw new ResourceException("Granting failed", "the widget exists but its grants could not be set");
    }

    public override Task ReadAsync(ReadContext<WidgetModel, WidgetApi> context)
    {
        context.Client.ReadCalls++;
        if (!context.Client.Objects.TryGetValue(context.State.Id.Value, out var remote)) throw new WidgetNotFoundException(context.State.Id.Value);
        context.State.Name = remote.Name;
        return Task.CompletedTask;
    }

    public override Task UpdateAsync(UpdateContext<WidgetModel, WidgetApi> context)
    {
        if (context.Client.RejectField is { } field) throw new WidgetRejectedException(field);
        context.Plan.Size = context.Prior.Size.Value + 1;
        context.Client.Objects[context.Plan.Id.Value] = context.Plan;
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(DeleteContext<WidgetModel, WidgetApi> context)
    {
        if (!context.Client.Objects.Remove(context.State.Id.Value)) throw new WidgetNotFoundException(context.State.Id.Value);
        return Task.CompletedTask;
    }

    public Task ImportAsync(ImportContext<WidgetModel, WidgetApi> context)
    {
        context.State = new WidgetModel { Id = context.Id };
        return Task.CompletedTask;
    }

    public override void ValidateConfig(ValidateConfigContext<WidgetModel> context)
    {
        if (context.Config.Kind.IsKnown && context.Config.Kind.Value == "forbidden")
            context.Diagnostics.AddAttributeError("kind", "Forbidden kind", "kind \"forbidden\" is not allowed.");
    }

    public override Task ModifyPlanAsync(ModifyPlanContext<WidgetModel, WidgetApi> context) => OnModifyPlan?.Invoke(context) ?? Task.CompletedTask;

    public static ApiErrorDescription? Describe(Exception e) => e switch
    {
        WidgetNotFoundException nf => new ApiErrorDescription("Widget not found", nf.Message, IsConfirmedGone: true),
        WidgetRejectedException r => new ApiErrorDescription("Widget rejected", r.Message, r.Field, r.Message),
        _ => null,
    };
}
