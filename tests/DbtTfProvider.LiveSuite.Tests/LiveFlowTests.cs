namespace DbtTfProvider.LiveSuite.Tests;

/// <summary>
/// The whole `make test-live` against the emulator, found exactly as a live run finds the real services (the same
/// variables), so that the suite cannot rot: it passes and leaves nothing, and leaves nothing either when it is
/// interrupted with Ctrl-C (SIGINT to its process group) in the middle, with objects made.
/// </summary>
public sealed class LiveFlowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(12);

    [Fact]
    public async Task Test_live_against_the_emulator_runs_every_step_and_leaves_no_object()
    {
        await using var accounts = await EmulatedAccounts.StartAsync();

        var result = await LiveCommand.MakeAsync("test-live", accounts.Variables(), Timeout);

        var output = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("contract report: every route called answered 2xx", output);
        Assert.Contains("Datafold GET /api/v1/ci/{id}/\n  called: GET /api/v1/ci/", output);
        foreach (var step in new[] { "1/8", "2/8", "3/8", "4/8", "5/8", "6/8", "7/8", "8/8" }) Assert.Contains("==> live " + step, output);
        Assert.Contains("hand edit: job", output);
        Assert.Contains("live-flow: passed", output);
        Assert.Empty(await accounts.LiveObjectsAsync());
    }

    [Fact]
    public async Task Ctrl_C_in_the_middle_destroys_what_the_run_made()
    {
        await using var accounts = await EmulatedAccounts.StartAsync();
        var log = Path.Combine(Directory.CreateTempSubdirectory("dbttf-live-test-").FullName, "test-live.log");
        var variables = accounts.Variables();
        variables["LOG"] = log;
        var process = LiveCommand.Start(["bash", "-c", "exec make --no-print-directory -s test-live >\"$LOG\" 2>&1"], variables);

        // In the middle: after the apply and the drift (objects exist), during the import round trip.
        var deadline = DateTime.UtcNow + Timeout;
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("==> live 5/8")))
        {
            Assert.False(process.HasExited, "test-live ended before step 5: " + (File.Exists(log) ? File.ReadAllText(log) : ""));
            Assert.True(DateTime.UtcNow < deadline, "test-live did not reach step 5");
            await Task.Delay(200);
        }
        Assert.NotEmpty(await accounts.LiveObjectsAsync());
        LiveCommand.InterruptGroup(process);

        var result = await LiveCommand.RunAsync(process, "interrupted test-live", Timeout);

        var output = File.ReadAllText(log);
        Assert.True(result.ExitCode != 0, output);
        Assert.Contains("==> clean-up of run", output);
        Assert.DoesNotContain("==> live 6/8", output);
        Assert.Empty(await accounts.LiveObjectsAsync());
    }
}
