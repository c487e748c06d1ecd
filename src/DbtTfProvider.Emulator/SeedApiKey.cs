using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedApiKey
{
    public required string Key { get; init; }
    public required int UserId { get; init; }
    /// <summary>An admin's key may use every data source; any other only those sharing one of its <see cref="GroupIds"/>.</summary>
    public bool Admin { get; set; } = true;
    public IReadOnlyList<int> GroupIds { get; set; } = [];
}
