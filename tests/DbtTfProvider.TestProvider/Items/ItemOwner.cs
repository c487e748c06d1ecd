namespace DbtTfProvider.TestProvider.Items;

public sealed class ItemOwner
{
    public string Name { get; set; } = "";
    public string Team { get; set; } = "";
}
