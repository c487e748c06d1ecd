using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedProject
{
    public required int Id { get; init; }
    public required int AccountId { get; init; }
    public required string Name { get; init; }
    public string Description { get; set; } = "";
    /// <summary>1 active, 2 deleted: dbt Cloud deletes softly, and its lists show deleted projects with state 2.</summary>
    public int State { get; set; } = 1;
}
