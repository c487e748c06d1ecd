using System.Text.Json;

namespace DbtTfProvider.TestProvider.Items;

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
