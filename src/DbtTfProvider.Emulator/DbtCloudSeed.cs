using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator;

public sealed class DbtCloudSeed
{
    public IReadOnlyList<SeedAccount> Accounts { get; set; } = [];
    public IReadOnlyList<SeedProject> Projects { get; set; } = [];
    public IReadOnlyList<SeedEnvironment> Environments { get; set; } = [];
    /// <summary>User-style API tokens that exist before the test starts (service tokens are created through the API).</summary>
    public IReadOnlyList<SeedAdminToken> AdminTokens { get; set; } = [];
}
