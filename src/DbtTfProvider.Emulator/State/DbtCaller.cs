namespace DbtTfProvider.Emulator.State;

/// <summary>The accounts a dbt Cloud credential sees; <see cref="ServiceTokenId"/> is set for service tokens.</summary>
internal sealed record DbtCaller(IReadOnlySet<int> AccountIds, int? ServiceTokenId);
