using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedRepository
{
    public required int Id { get; init; }
    public required int OrganizationId { get; init; }
    public required string Name { get; init; }
    /// <summary>github or gitlab.</summary>
    public string Provider { get; set; } = "github";
}
