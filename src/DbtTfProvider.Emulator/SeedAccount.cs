using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedAccount
{
    public required int Id { get; init; }
    public required string Name { get; init; }
}
