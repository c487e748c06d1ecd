using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedEnvironment
{
    public required int Id { get; init; }
    public required int ProjectId { get; init; }
    public required string Name { get; init; }
    /// <summary>deployment or development.</summary>
    public required string Type { get; init; }
    /// <summary>production, staging or null.</summary>
    public string? DeploymentType { get; init; }
    public string? DbtVersion { get; set; } = "latest";
    /// <summary>1 active, 2 deleted (dbt Cloud's environment object has the same soft-delete state as the others).</summary>
    public int State { get; set; } = 1;
}
