using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

/// <summary>A service token as the service returns it. <see cref="TokenString"/> is set only in the answer to a create.</summary>
public sealed class ServiceToken
{
    public long Id { get; set; }
    public long AccountId { get; set; }

    /// <summary>The token's short public identifier.</summary>
    public string? Uid { get; set; }

    public string Name { get; set => field = value ?? ""; } = "";
    public int State { get; set; } = DbtObjectState.Active;
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    /// <summary>The secret; returned only when the token is created, never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TokenString { get; set; }

    [JsonIgnore]
    public bool IsActive => State == DbtObjectState.Active;

    // No ToString that could print the secret.
    public override string ToString() => $"service token {Id} \"{Name}\"";
}
