namespace DbtTfProvider.LiveSuite.Tests;

/// <summary>`make test-live` never runs by accident: without TF_ACC=1 and every value it exits at once, naming each.</summary>
public sealed class RefusalTests
{
    private static readonly string[] Required =
    [
        "DBT_CLOUD_ACCOUNT_ID", "DBT_CLOUD_TOKEN", "DBT_CLOUD_HOST_URL", "DATAFOLD_API_KEY", "DATAFOLD_HOST",
        "TF_ACC_DBT_CLOUD_PROJECT_ID", "TF_ACC_DBT_CLOUD_PRODUCTION_ENVIRONMENT_ID", "TF_ACC_DBT_CLOUD_CI_ENVIRONMENT_ID",
        "TF_ACC_DATAFOLD_DATA_SOURCE_ID", "TF_ACC_DATAFOLD_REPOSITORY_ID",
    ];

    // Unroutable values: were the refusal missing, the run would fail on them rather than touch any account.
    private static Dictionary<string, string> AllValues() =>
        Required.ToDictionary(name => name, name => name.Contains("HOST") ? "http://127.0.0.1:9" : "1");

    [Fact]
    public async Task Without_anything_it_lists_TF_ACC_and_every_variable_and_exits_non_zero()
    {
        var result = await LiveCommand.MakeAsync("test-live", new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("refusing to run; missing:", result.Stderr);
        Assert.Contains("TF_ACC=1", result.Stderr);
        foreach (var name in Required) Assert.Contains("  " + name + ":", result.Stderr);
        Assert.DoesNotContain("contract report", result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_every_value_but_not_TF_ACC_it_refuses_naming_only_TF_ACC()
    {
        var result = await LiveCommand.MakeAsync("test-live", AllValues(), TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("TF_ACC=1", result.Stderr);
        foreach (var name in Required) Assert.DoesNotContain("  " + name + ":", result.Stderr);
    }

    [Theory]
    [InlineData("DBT_CLOUD_TOKEN")]
    [InlineData("DATAFOLD_HOST")]
    [InlineData("TF_ACC_DBT_CLOUD_CI_ENVIRONMENT_ID")]
    public async Task With_TF_ACC_and_one_value_missing_it_names_that_value_only(string missing)
    {
        var environment = AllValues();
        environment.Remove(missing);
        environment["TF_ACC"] = "1";

        var result = await LiveCommand.MakeAsync("test-live", environment, TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("  " + missing + ":", result.Stderr);
        Assert.DoesNotContain("TF_ACC=1 (", result.Stderr);
        foreach (var name in Required.Where(n => n != missing)) Assert.DoesNotContain("  " + name + ":", result.Stderr);
    }

    [Fact]
    public async Task Contract_report_and_sweep_refuse_the_same_way()
    {
        foreach (var target in new[] { "contract-report", "sweep" })
        {
            var result = await LiveCommand.MakeAsync(target, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("DBT_CLOUD_TOKEN:", result.Stderr);
            Assert.Contains("DATAFOLD_API_KEY:", result.Stderr);
        }
    }
}
