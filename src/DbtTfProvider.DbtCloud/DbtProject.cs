namespace DbtTfProvider.DbtCloud;

public sealed class DbtProject
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int State { get; set; } = DbtObjectState.Active;
}
