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
