namespace DbtTfProvider.DbtCloud;

/// <summary>
/// One permission grant of a service token, as the service answers it. A null where the spec has a string or a list
/// reads as the empty value, so that a read never fails on it.
/// </summary>
public sealed class ServiceTokenGrant
{
    public long? Id { get; set; }
    public long AccountId { get; set; }
    public long ServiceTokenId { get; set; }
    public string PermissionSet { get; set => field = value ?? ""; } = "";
    public bool AllProjects { get; set; }

    /// <summary>Null when <see cref="AllProjects"/>.</summary>
    public long? ProjectId { get; set; }

    public List<string> WritableEnvironmentCategories { get; set => field = value ?? []; } = [];

    public int? State { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
}
