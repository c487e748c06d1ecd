using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// Runs the real <c>terraform</c> (from PATH) in one working directory, with a controlled environment: a CLI config
/// of dev_overrides (so Terraform launches the provider executables itself, full handshake and mTLS, and no
/// <c>init</c> is needed), no checkpoint calls, no prompts, no colour.
/// </summary>
public sealed class TerraformRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public TerraformRunner(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        WorkingDirectory = workingDirectory;
        Directory.CreateDirectory(workingDirectory);
        foreach (var (k, v) in environment) Environment[k] = v;
    }

    public string WorkingDirectory { get; }

    /// <summary>Variables set for every run (on top of this process's environment); change them between runs as needed.</summary>
    public Dictionary<string, string?> Environment { get; } = new()
    {
        ["CHECKPOINT_DISABLE"] = "1",
        ["TF_IN_AUTOMATION"] = "1",
        ["TF_INPUT"] = "0",
        // Logs from the developer's shell would bury the output the tests read.
        ["TF_LOG"] = null,
        ["TF_LOG_PROVIDER"] = null,
    };

    /// <summary>
    /// Writes a CLI configuration whose dev_overrides map each provider source address (e.g.
    /// <c>registry.terraform.io/dbt-tf/testfs</c>) to the folder holding its executable, and returns its path
    /// (set it as <c>TF_CLI_CONFIG_FILE</c>).
    /// </summary>
    public static string WriteDevOverridesConfig(string path, IReadOnlyDictionary<string, string> providerDirectories)
    {
        var sb = new StringBuilder("provider_installation {\n  dev_overrides {\n");
        foreach (var (address, dir) in providerDirectories) sb.Append($"    \"{address}\" = \"{dir}\"\n");
        sb.Append("  }\n  direct {}\n}\n");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>Replaces the configuration (<c>main.tf</c> unless named otherwise).</summary>
    public void WriteConfig(string hcl, string fileName = "main.tf") => File.WriteAllText(Path.Combine(WorkingDirectory, fileName), hcl);

    public async Task<TerraformResult> RunAsync(params string[] args)
    {
        var arguments = args.Append("-no-color").ToArray();
        var psi = new ProcessStartInfo("terraform")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in Environment)
        {
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("terraform did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"terraform {string.Join(' ', args)} did not finish within {Timeout}.\n{await stdout}\n{await stderr}");
        }
        return new TerraformResult(arguments, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs terraform and fails the test with the whole output unless the exit code is <paramref name="expectedExitCode"/>.</summary>
    public async Task<TerraformResult> ExpectAsync(int expectedExitCode, params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == expectedExitCode, $"expected exit code {expectedExitCode}\n{result}");
        return result;
    }

    public Task<TerraformResult> SucceedAsync(params string[] args) => ExpectAsync(0, args);

    /// <summary><c>plan -detailed-exitcode</c> must report no changes: the test invariant after every apply.</summary>
    public Task<TerraformResult> ExpectEmptyPlanAsync() => ExpectAsync(0, "plan", "-detailed-exitcode");

    /// <summary>The state as <c>terraform show -json</c> reports it.</summary>
    public async Task<JsonDocument> ShowStateAsync()
    {
        var result = await SucceedAsync("show", "-json");
        return JsonDocument.Parse(result.Stdout);
    }

    /// <summary>The attribute values of one resource instance from <c>terraform show -json</c>, or null when absent.</summary>
    public async Task<JsonElement?> ResourceValuesAsync(string address)
    {
        using var doc = await ShowStateAsync();
        if (!doc.RootElement.TryGetProperty("values", out var values)) return null;
        foreach (var r in values.GetProperty("root_module").TryGetProperty("resources", out var rs) ? rs.EnumerateArray() : default)
            if (r.GetProperty("address").GetString() == address) return r.GetProperty("values").Clone();
        return null;
    }

    /// <summary>The raw local state file (<c>terraform.tfstate</c>): what is stored on disk, secrets and all.</summary>
    public string StateFileText => File.ReadAllText(Path.Combine(WorkingDirectory, "terraform.tfstate"));
}
