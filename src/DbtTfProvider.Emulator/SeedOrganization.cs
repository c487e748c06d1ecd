using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedOrganization
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<SeedApiKey> ApiKeys { get; set; } = [];
}
