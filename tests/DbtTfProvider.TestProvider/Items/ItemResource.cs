using System.Security.Cryptography;
using System.Text;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.TestProvider.Items;

/// <summary><c>testfs_item</c>: exercises every framework feature a real resource uses.</summary>
public sealed class ItemResource : Resource<ItemModel, ItemStore>, IImportableResource<ItemModel, ItemStore>
{
    public override string TypeName => "testfs_item";

    protected override void DefineSchema(ResourceSchemaBuilder<ItemModel> s)
    {
        s.Description("An item stored as a JSON file in the provider's root folder.");
        s.String("id", m => ref m.Id).Computed().UseStateForUnknown().Description("Random id, also the file name.");
        s.String("name", m => ref m.Name).Required().LengthAtLeast(1);
        s.String("mode", m => ref m.Mode).Optional().Default("standard").OneOf("standard", "fast", "archive");
        s.String("kind", m => ref m.Kind).Optional().Default("plain").RequiresReplace().Description("Changing it replaces the item.");
        s.String("secret", m => ref m.Secret).Computed().Sensitive().UseStateForUnknown().Description("Generated at create; never read back.");
        s.String("password_wo", m => ref m.PasswordWo).Optional().WriteOnly().Description("Sent on create and update, never stored in state.");
        s.Int64("revision", m => ref m.Revision).Computed().Description("Increases with every update.");
        s.SetBlock("tag", m => ref m.Tags, tag =>
        {
            tag.String("key", t => ref t.Key).Required();
            tag.String("value", t => ref t.Value).Optional();
        });
        s.SingleNestedAttribute("owner", m => ref m.Owner, o =>
        {
            o.String("name", x => ref x.Name).Required().Description("Who owns the item.");
            o.String("team", x => ref x.Team).Optional().Default("data").OneOf("data", "platform").Description("Their team.");
        }).Optional().Description("The item's owner (a nested attribute).");
        s.MapNestedAttribute("labels", m => ref m.Labels, l => l.String("value", x => ref x.Value).Required().LengthAtLeast(1).Description("The label's text."))
            .Optional().Description("Labels by name (a map of nested objects).");
    }

    public override Task CreateAsync(CreateContext<ItemModel, ItemStore> ctx)
    {
        var plan = ctx.Plan;
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var record = ctx.Client.Create(ToRecord(plan, ctx.Config, new ItemRecord { SecretHint = secret[^4..], Revision = 1 }));
        plan.Id = record.Id;
        plan.Secret = secret;
        plan.Revision = record.Revision;
        ctx.State = plan;
        // Lets a test prove that a half-failed create still lands in state (tainted) instead of being lost.
        if (Environment.GetEnvironmentVariable("TESTFS_FAIL_AFTER_CREATE") == "1")
            throw new ResourceException("Failed after create", $"The item {record.Id} was created, then a later step failed.");
        return Task.CompletedTask;
    }

    public override Task ReadAsync(ReadContext<ItemModel, ItemStore> ctx)
    {
        var state = ctx.State;
        var record = ctx.Client.Get(state.Id.Value);
        state.Name = record.Name;
        state.Mode = record.Mode;
        state.Kind = record.Kind;
        state.Revision = record.Revision;
        state.Tags = TfSet<TagModel>.Of(record.Tags.Select(t => new TagModel { Key = t.Key, Value = t.Value }));
        state.Owner = record.Owner is { } owner ? new OwnerModel { Name = owner.Name, Team = owner.Team } : null;
        state.Labels = TfMap<LabelModel>.OfNullable(record.Labels?.Select(l => KeyValuePair.Create(l.Key, new LabelModel { Value = l.Value })));
        return Task.CompletedTask;
    }

    public override Task UpdateAsync(UpdateContext<ItemModel, ItemStore> ctx)
    {
        var plan = ctx.Plan;
        var record = ToRecord(plan, ctx.Config, ctx.Client.Get(plan.Id.Value));
        record.Revision++;
        ctx.Client.Put(record);
        plan.Revision = record.Revision;
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(DeleteContext<ItemModel, ItemStore> ctx)
    {
        ctx.Client.Delete(ctx.State.Id.Value);
        return Task.CompletedTask;
    }

    public Task ImportAsync(ImportContext<ItemModel, ItemStore> ctx)
    {
        ctx.State = new ItemModel { Id = ctx.Id };
        return Task.CompletedTask;
    }

    private static ItemRecord ToRecord(ItemModel plan, ItemModel config, ItemRecord record)
    {
        record.Name = plan.Name.Value;
        record.Mode = plan.Mode.Value;
        record.Kind = plan.Kind.Value;
        record.Tags = plan.Tags.Elements.Select(t => new ItemTag { Key = t.Key.Value, Value = t.Value.ValueOrNull }).ToList();
        record.Owner = plan.Owner.ValueOrNull is { } owner ? new ItemOwner { Name = owner.Name.Value, Team = owner.Team.Value } : null;
        record.Labels = plan.Labels.IsKnown ? plan.Labels.Elements.ToDictionary(l => l.Key, l => l.Value.Value.Value) : null;
        if (config.PasswordWo.IsKnown)
            record.PasswordSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config.PasswordWo.Value)));
        return record;
    }
}
