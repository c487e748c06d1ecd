using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbtTfProvider.TestProvider.Items;

/// <summary>What the store keeps per item: one JSON file, <c>{root}/{id}.json</c>. Knows nothing of Terraform.</summary>
public sealed class ItemRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Mode { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>The last four characters only: like an API token, the secret itself is never returned again.</summary>
    public string SecretHint { get; set; } = "";
    /// <summary>SHA-256 of the last write-only password received, so tests can see it was sent.</summary>
    public string? PasswordSha256 { get; set; }
    public long Revision { get; set; }
    public List<ItemTag> Tags { get; set; } = [];
    public ItemOwner? Owner { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
}

public sealed class ItemOwner
{
    public string Name { get; set; } = "";
    public string Team { get; set; } = "";
}

public sealed class ItemTag
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}

public sealed class ItemNotFoundException(string id) : Exception($"No item {id} in the store.");

/// <summary>The store refuses a value; <c>Field</c> names it the way an API error would.</summary>
public sealed class ItemRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ItemRecord))]
internal sealed partial class ItemJson : JsonSerializerContext;

public sealed class ItemStore(string root)
{
    public string Root { get; } = root;

    public ItemRecord Create(ItemRecord record)
    {
        Directory.CreateDirectory(Root);
        record.Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        Put(record);
        return record;
    }

    public ItemRecord Get(string id)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) throw new ItemNotFoundException(id);
        return JsonSerializer.Deserialize(File.ReadAllBytes(path), ItemJson.Default.ItemRecord) ?? throw new ItemNotFoundException(id);
    }

    public void Put(ItemRecord record)
    {
        if (record.Name.Contains('/')) throw new ItemRejectedException("name", $"Item names cannot contain \"/\" (got \"{record.Name}\").");
        File.WriteAllBytes(PathOf(record.Id), JsonSerializer.SerializeToUtf8Bytes(record, ItemJson.Default.ItemRecord));
    }

    public void Delete(string id)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) throw new ItemNotFoundException(id);
        File.Delete(path);
    }

    private string PathOf(string id)
    {
        if (id.Length == 0 || id.Any(c => !char.IsAsciiLetterOrDigit(c))) throw new ItemRejectedException("id", $"\"{id}\" is not an item id (letters and digits only).");
        return Path.Combine(Root, id + ".json");
    }
}
