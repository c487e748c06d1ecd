namespace DbtTfProvider.DbtCloud;

public sealed class DbtEnvironment
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public long ProjectId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>"deployment" or "development".</summary>
    public string? Type { get; set; }

    /// <summary>"production", "staging" or null.</summary>
    public string? DeploymentType { get; set; }

    /// <summary>The dbt version the environment runs, e.g. "latest" or "1.9.0-latest".</summary>
    public string? DbtVersion { get; set; }

    public int State { get; set; } = DbtObjectState.Active;
}
