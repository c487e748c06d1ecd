namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The passive stand-in for dbt Labs' provider (<c>registry.terraform.io/dbt-labs/dbtcloud</c>, served by the test
/// provider executable, see tests/DbtTfProvider.TestProvider/DbtLabsStandIn): their binary cannot be installed here,
/// and Terraform needs a provider for every address a configuration or a state names.
/// </summary>
public static class DbtLabsStandIn
{
    public const string Address = "registry.terraform.io/dbt-labs/dbtcloud";

    /// <summary>
    /// A folder holding <c>terraform-provider-dbtcloud</c>, a wrapper that starts the test provider as the stand-in;
    /// map <see cref="Address"/> to it in dev_overrides.
    /// </summary>
    public static string CreateDirectory(string root)
    {
        var dir = Path.Combine(root, "dbt-labs-stand-in");
        Directory.CreateDirectory(dir);
        var executable = Path.Combine(TestfsWorkspace.ProviderDirectory, "terraform-provider-testfs");
        var wrapper = Path.Combine(dir, "terraform-provider-dbtcloud");
        File.WriteAllText(wrapper, $"#!/bin/sh\nDBTTF_TEST_DBT_LABS_STAND_IN=1 exec '{executable}' \"$@\"\n");
        // A shell wrapper: the end-to-end tests run where the providers' dev_overrides do (Linux and macOS).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return dir;
    }
}
