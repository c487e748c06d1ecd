namespace DbtTfProvider.TestProvider.Items;

public sealed class ItemTag
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}
