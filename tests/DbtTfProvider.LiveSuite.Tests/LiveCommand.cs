using System.Diagnostics;

namespace DbtTfProvider.LiveSuite.Tests;

/// <summary>
/// Runs one of the live suite's make targets from the repository root the way a maintainer would, with an environment
/// the test controls entirely (nothing inherited from the machine can make a refusal pass or fail).
/// </summary>
public static class LiveCommand
{
    public static readonly string RepositoryRoot = FindRoot();

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> MakeAsync(string target, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("make", ["--no-print-directory", "-s", target])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/tmp";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"make {target} did not finish within {timeout}: {await stdout}{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DbtTfProvider.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
