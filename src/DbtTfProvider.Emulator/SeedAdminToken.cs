using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedAdminToken
{
    public required string Token { get; init; }
    public string Name { get; set; } = "Admin";
    public required IReadOnlyList<int> AccountIds { get; init; }
}
