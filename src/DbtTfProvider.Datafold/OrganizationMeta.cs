namespace DbtTfProvider.Datafold;

public sealed class OrganizationMeta
{
    public long OrgId { get; set; }
    public string? OrgName { get; set; }
    public long? UserId { get; set; }
}
