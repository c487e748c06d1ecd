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

    public static Task<Result> MakeAsync(string target, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync(Start(["make", "--no-print-directory", "-s", target], environment), $"make {target}", timeout);

    /// <summary>
    /// Starts a command through setsid, so that it leads its own process group, as a command typed at a terminal
    /// does: <see cref="InterruptGroup"/> then sends SIGINT to the whole group, as Ctrl-C does.
    /// </summary>
    public static Process Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("setsid", command)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/tmp";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Ctrl-C: SIGINT to every process of the command's group (the shell, terraform, the providers).</summary>
    public static void InterruptGroup(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", "--", "-" + process.Id])!;
        kill.WaitForExit();
    }

    public static async Task<Result> RunAsync(Process process, string what, TimeSpan timeout)
    {
        using var _ = process;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {timeout}: {await stdout}{await stderr}");
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
