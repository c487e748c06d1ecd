using System.Diagnostics;
using System.Text;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>What one terraform command did: its exit code and everything it printed.</summary>
public sealed record TerraformResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    /// <summary>Throws, with the whole output, unless terraform exited with <paramref name="expected"/>.</summary>
    public TerraformResult Expect(int expected)
    {
        if (ExitCode != expected)
            throw new Xunit.Sdk.XunitException($"terraform {Command} exited {ExitCode}, expected {expected}:\n{Output}");
        return this;
    }

    public TerraformResult Succeeded() => Expect(0);
}

/// <summary>
/// The real terraform in one working directory of a <see cref="ProviderFixture"/>, with the fixture's environment
/// (dev_overrides for the built providers, provider settings pointing at the emulator). No init is needed.
/// </summary>
public sealed class TerraformCli(ProviderFixture fixture, string workingDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public string WorkingDirectory { get; } = workingDirectory;

    public static TerraformCli InNewDirectory(ProviderFixture fixture, string name) => new(fixture, fixture.NewWorkingDirectory(name));

    /// <summary>Writes main.tf: the fixture's provider blocks followed by <paramref name="hcl"/>.</summary>
    public TerraformCli WriteConfig(string hcl)
    {
        File.WriteAllText(Path.Combine(WorkingDirectory, "main.tf"), ProviderFixture.ProvidersHcl + hcl);
        return this;
    }

    public Task<TerraformResult> ApplyAsync() => RunAsync("apply", "-auto-approve", "-no-color");

    public Task<TerraformResult> DestroyAsync() => RunAsync("destroy", "-auto-approve", "-no-color");

    /// <summary><c>plan -detailed-exitcode</c>: 0 no changes, 1 error, 2 changes.</summary>
    public Task<TerraformResult> PlanAsync(params string[] extra) => RunAsync(["plan", "-detailed-exitcode", "-no-color", .. extra]);

    public Task<TerraformResult> ValidateAsync() => RunAsync("validate", "-no-color");

    public async Task<TerraformResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("terraform")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in fixture.Environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("terraform did not start");
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
            throw new TimeoutException($"terraform {string.Join(' ', args)} did not finish within {Timeout}:\n{await stdout}{await stderr}");
        }
        return new TerraformResult(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
    }
}
