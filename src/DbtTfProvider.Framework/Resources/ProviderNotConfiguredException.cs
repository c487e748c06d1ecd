namespace DbtTfProvider.Framework.Resources;

/// <summary>Raised when a resource asks for its API client but the provider configuration could not provide one.</summary>
public sealed class ProviderNotConfiguredException(string reason) : Exception(reason);
