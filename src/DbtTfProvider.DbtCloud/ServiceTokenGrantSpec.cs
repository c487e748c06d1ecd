namespace DbtTfProvider.DbtCloud;

/// <summary>What a grant asks for; account and token ids are filled in by <see cref="ServiceTokensClient.AssignGrantsAsync"/>.</summary>
public sealed record ServiceTokenGrantSpec(string PermissionSet, bool AllProjects, long? ProjectId, IReadOnlyList<string> WritableEnvironmentCategories);
