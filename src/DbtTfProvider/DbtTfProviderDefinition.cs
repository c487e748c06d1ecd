using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Parts;

namespace DbtTfProvider;

/// <summary>The provider's parts: dbt Cloud (<c>dbt-tf/dbtcloud</c>) and Datafold (<c>dbt-tf/datafold</c>).</summary>
public static class DbtTfProviderDefinition
{
    public const string Namespace = "registry.terraform.io/dbt-tf";

    public static ProviderDefinition Create() => new(DbtCloudPart.Create(), DatafoldPart.Create());

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
