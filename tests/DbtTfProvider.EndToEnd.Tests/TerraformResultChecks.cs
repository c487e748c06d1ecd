namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>Checks on a terraform run that fail the test with the whole output.</summary>
public static class TerraformResultChecks
{
    /// <summary>Throws, with the whole output, unless terraform exited with <paramref name="expected"/>.</summary>
    public static TerraformResult Expect(this TerraformResult result, int expected)
    {
        if (result.ExitCode != expected)
            throw new Xunit.Sdk.XunitException($"expected exit code {expected}\n{result}");
        return result;
    }

    public static TerraformResult Succeeded(this TerraformResult result) => result.Expect(0);
}
