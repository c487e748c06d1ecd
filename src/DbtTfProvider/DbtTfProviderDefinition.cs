using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Http;
using DbtTfProvider.Parts;

namespace DbtTfProvider;

/// <summary>The provider's parts: dbt Cloud (<c>dbt-tf/dbtcloud</c>) and Datafold (<c>dbt-tf/datafold</c>).</summary>
public static class DbtTfProviderDefinition
{
    public const string Namespace = "registry.terraform.io/dbt-tf";

    /// <remarks>
    /// Both parts share one <see cref="SecretRedactor"/>: when one process serves both, an error answer of either service
    /// is cleaned of both credentials and of every token sent.
    /// </remarks>
    public static ProviderDefinition Create()
    {
        var secrets = new SecretRedactor();
        return new(DbtCloudPart.Create(secrets), DatafoldPart.Create(secrets));
    }

    /// <summary>
    /// The address Terraform knows this process by (used for debug reattach): the persona's, or dbtcloud's when the
    /// executable name selects no single persona.
    /// </summary>
    public static string ProviderAddress(ProviderDefinition definition, string executableName)
    {
        var parts = definition.PartsFor(executableName);
        var persona = parts.Count == 1 ? parts[0].Name : DbtCloudPart.Name;
        return $"{Namespace}/{persona}";
    }
}
