namespace DbtTfProvider.DbtCloud;

public sealed class DbtAccount
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public int State { get; set; } = DbtObjectState.Active;
}
