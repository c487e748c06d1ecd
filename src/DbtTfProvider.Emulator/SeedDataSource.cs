using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed record SeedDataSource
{
    public required int Id { get; init; }
    public required int OrganizationId { get; init; }
    public required string Name { get; init; }
    /// <summary>One of the 27 values of the published discriminator (<see cref="Emulator.Datafold.DataSourceTypes"/>).</summary>
    public required string Type { get; init; }
    public bool Paused { get; set; }
    /// <summary>The groups whose members may use it (admins may use every data source).</summary>
    public IReadOnlyList<int> GroupIds { get; set; } = [];
}
