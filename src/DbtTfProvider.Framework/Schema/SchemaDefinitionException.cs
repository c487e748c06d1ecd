namespace DbtTfProvider.Framework.Schema;

/// <summary>A schema declaration that breaks Terraform's rules; the message names the attribute.</summary>
public sealed class SchemaDefinitionException(string message) : Exception(message);
