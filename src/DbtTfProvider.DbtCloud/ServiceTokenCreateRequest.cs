namespace DbtTfProvider.DbtCloud;

public sealed class ServiceTokenCreateRequest
{
    public long AccountId { get; set; }
    public string Name { get; set; } = "";
    public int State { get; set; } = DbtObjectState.Active;
}
