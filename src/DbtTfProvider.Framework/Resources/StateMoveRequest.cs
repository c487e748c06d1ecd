namespace DbtTfProvider.Framework.Resources;

/// <summary>What a MoveResourceState request says of its source.</summary>
public sealed record StateMoveRequest(string SourceProviderAddress, string SourceTypeName, long SourceSchemaVersion);
