using System.Text.Json.Serialization;

namespace DbtTfProvider.Emulator.State;

internal sealed class CiDbtCloud
{
    public string HostUrl { get; set; } = "https://cloud.getdbt.com";
    public int AccountId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiKey { get; set; }

    public int ArtifactsJobId { get; set; }
    public int? CiJobId { get; set; }
}
