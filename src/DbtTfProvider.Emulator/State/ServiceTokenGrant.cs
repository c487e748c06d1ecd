namespace DbtTfProvider.Emulator.State;

internal sealed class ServiceTokenGrant
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public int ServiceTokenId { get; set; }
    public string PermissionSet { get; set; } = "";
    public bool AllProjects { get; set; }
    public int? ProjectId { get; set; }
    /// <summary>Null only when an admin PATCH sets it so, to show a client a null in an answer.</summary>
    public List<string>? WritableEnvironmentCategories { get; set; } = [];
    public int State { get; set; } = EntityState.Active;
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
}
