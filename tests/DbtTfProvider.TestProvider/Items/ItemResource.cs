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

    protected override void DefineSchema(ResourceSchemaBuilder<ItemModel> schema)
    {
        schema.Description("An item stored as a JSON file in the provider's root folder.");
        schema.String("id", m => ref m.Id).Computed().UseStateForUnknown().Description("Random id, also the file name.");
        schema.String("name", m => ref m.Name).Required().LengthAtLeast(1);
        schema.String("mode", m => ref m.Mode).Optional().Default("standard").OneOf("standard", "fast", "archive");
        schema.String("kind", m => ref m.Kind).Optional().Default("plain").RequiresReplace().Description("Changing it replaces the item.");
        schema.String("secret", m => ref m.Secret).Computed().Sensitive().UseStateForUnknown().Description("Generated at create; never read back.");
        schema.String("password_wo", m => ref m.PasswordWo).Optional().WriteOnly().Description("Sent on create and update, never stored in state.");
        schema.Int64("revision", m => ref m.Revision).Computed().Description("Increases with every update.");
        schema.SetBlock("tag", m => ref m.Tags, tag =>
        {
            tag.String("key", t => ref t.Key).Required();
            tag.String("value", t => ref t.Value).Optional();
        });
        schema.SingleNestedAttribute("owner", m => ref m.Owner, o =>
        {
            o.String("name", x => ref x.Name).Required().Description("Who owns the item.");
            o.String("team", x => ref x.Team).Optional().Default("data").OneOf("data", "platform").Description("Their team.");
        }).Optional().Description("The item's owner (a nested attribute).");
        schema.MapNestedAttribute("labels", m => ref m.Labels, l => l.String("value", x => ref x.Value).Required().LengthAtLeast(1).Description("The label's text."))
            .Optional().Description("Labels by name (a map of nested objects).");
    }

    public override Task CreateAsync(CreateContext<ItemModel, ItemStore> context)
    {
        var plan = context.Plan;
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var record = context.Client.Create(ToRecord(plan, context.Config, new ItemRecord { SecretHint = secret[^4..], Revision = 1 }));
        plan.Id = record.Id;
        plan.Secret = secret;
        plan.Revision = record.Revision;
        context.State = plan;
        // Lets a test prove that a half-failed create still lands in state (tainted) instead of being lost.
        if (Environment.GetEnvironmentVariable("TESTFS_FAIL_AFTER_CREATE") == "1")
            throw new ResourceException("Failed after create", $"The item {record.Id} was created, then a later step failed.");
        return Task.CompletedTask;
    }

    public override Task ReadAsync(ReadContext<ItemModel, ItemStore> context)
    {
        var state = context.State;
        var record = context.Client.Get(state.Id.Value);
        state.Name = record.Name;
        state.Mode = record.Mode;
        state.Kind = record.Kind;
        state.Revision = record.Revision;
        state.Tags = TfSet<TagModel>.Of(record.Tags.Select(t => new TagModel { Key = t.Key, Value = t.Value }));
        state.Owner = record.Owner is { } owner ? new OwnerModel { Name = owner.Name, Team = owner.Team } : null;
        state.Labels = TfMap<LabelModel>.OfNullable(record.Labels?.Select(l => KeyValuePair.Create(l.Key, new LabelModel { Value = l.Value })));
        return Task.CompletedTask;
    }

    public override Task UpdateAsync(UpdateContext<ItemModel, ItemStore> context)
    {
        var plan = context.Plan;
        var record = ToRecord(plan, context.Config, context.Client.Get(plan.Id.Value));
        record.Revision++;
        context.Client.Put(record);
        plan.Revision = record.Revision;
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(DeleteContext<ItemModel, ItemStore> context)
    {
        context.Client.Delete(context.State.Id.Value);
        return Task.CompletedTask;
    }

    public Task ImportAsync(ImportContext<ItemModel, ItemStore> context)
    {
        context.State = new ItemModel { Id = context.Id };
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
