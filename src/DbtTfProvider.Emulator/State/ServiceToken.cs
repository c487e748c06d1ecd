using System.Text.Json.Serialization;

namespace DbtTfProvider.Emulator.State;

/// <summary>A dbt Cloud service token as stored; its secret and grants appear only in the admin dump.</summary>
internal sealed class ServiceToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public string Uid { get; set; } = "";
    public string Name { get; set; } = "";
    public int State { get; set; } = EntityState.Active;
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TokenString { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ServiceTokenGrant>? Grants { get; set; }
}
