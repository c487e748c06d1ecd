using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Resources.Tests.Fixtures;

namespace DbtTfProvider.Resources.Tests;

/// <summary><c>dbtcloud_ci_job</c>: a job of type "ci" triggered by pull requests, each attribute at its job field and back.</summary>
public class CiJobMappingTests : EmulatedProviderTests
{
    private const string Type = "dbtcloud_ci_job";

    private CtyValue CiJob(params (string Name, CtyValue Value)[] values) =>
        DbtCloud.Config(Type, [("project_id", Num(10)), ("environment_id", Num(100)), ("deferring_environment_id", Num(100)), .. values]);

    [Fact]
    public async Task A_create_sends_a_ci_job_triggered_by_pull_requests_only_with_every_setting_at_its_field()
    {
        var job = await DbtCloud.CreateAsync(Type, CiJob(
            ("triggers_on_draft_pr", Bool(true)), ("run_compare_changes", Bool(true)), ("compare_changes_flags", Str("--select state:modified+")),
            ("run_lint", Bool(true)), ("errors_on_lint_failure", Bool(false)), ("num_threads", Num(2))));

        var stored = await StoredJobAsync(job);
        Assert.Equal("ci", (string)stored["job_type"]!);
        var triggers = stored["triggers"]!;
        Assert.Equal((true, true, false, false),
            ((bool)triggers["github_webhook"]!, (bool)triggers["git_provider_webhook"]!, (bool)triggers["schedule"]!, (bool)triggers["on_merge"]!));
        Assert.Equal(100, (int)stored["deferring_environment_id"]!);
        Assert.Equal((true, true, "--select state:modified+"),
            ((bool)stored["triggers_on_draft_pr"]!, (bool)stored["run_compare_changes"]!, (string)stored["compare_changes_flags"]!));
        Assert.Equal((true, false), ((bool)stored["run_lint"]!, (bool)stored["errors_on_lint_failure"]!));
        Assert.Equal(2, (int)stored["settings"]!["threads"]!);
        Assert.Equal(["dbt build --select state:modified+"], stored["execute_steps"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("Pull request CI", (string)stored["name"]!);
    }

    [Fact]
    public async Task Run_on_pull_requests_false_turns_both_pull_request_triggers_off()
    {
        var job = await DbtCloud.CreateAsync(Type, CiJob(("run_on_pull_requests", Bool(false))));

        var triggers = (await StoredJobAsync(job))["triggers"]!;
        Assert.Equal((false, false), ((bool)triggers["github_webhook"]!, (bool)triggers["git_provider_webhook"]!));
        Assert.Equal("ci", (string)(await StoredJobAsync(job))["job_type"]!);
    }

    [Fact]
    public async Task Either_pull_request_trigger_switched_off_in_the_UI_is_drift_on_run_on_pull_requests_and_the_apply_turns_it_on()
    {
        var config = CiJob();
        var job = await DbtCloud.CreateAsync(Type, config);
        await EditAsync($"/dbtcloud/jobs/{StrOf(job, "id")}", """{"triggers": {"git_provider_webhook": false}, "run_lint": true}""");

        var read = await DbtCloud.ReadAsync(Type, job);
        Assert.Equal(["run_lint", "run_on_pull_requests"], Changed(job, read));

        var restored = await DbtCloud.ApplyAsync(Type, read, config);
        Assert.Empty(restored.Diagnostics);
        var stored = await StoredJobAsync(job);
        Assert.Equal((true, false), ((bool)stored["triggers"]!["git_provider_webhook"]!, (bool)stored["run_lint"]!));
    }

    [Fact]
    public async Task An_import_by_id_reads_every_setting_so_the_next_plan_with_the_same_configuration_is_empty()
    {
        var config = CiJob(("run_compare_changes", Bool(true)), ("description", Str("PR builds")), ("timeout_seconds", Num(1800)));
        var job = await DbtCloud.CreateAsync(Type, config);

        var imported = await DbtCloud.ImportAsync(Type, StrOf(job, "id"));

        Assert.False(imported.Diagnostics.HasErrors, imported.Diagnostics.ToString());
        Assert.Empty(Changed(job, imported));
        Assert.Equal(imported.State, (await DbtCloud.PlanAsync(Type, imported, config)).PlannedState);
    }

    [Fact]
    public async Task A_scheduled_job_is_refused_on_import_and_pointed_at_the_artifacts_job_resource()
    {
        var scheduled = await DbtCloud.CreateAsync("dbtcloud_artifacts_job",
            DbtCloud.Config("dbtcloud_artifacts_job", ("project_id", Num(10)), ("environment_id", Num(100))));

        var imported = await DbtCloud.ImportAsync(Type, StrOf(scheduled, "id"));

        var error = Assert.Single(imported.Diagnostics);
        Assert.Equal("Not a CI job", error.Summary);
        Assert.Contains("job_type \"scheduled\"", error.Detail, StringComparison.Ordinal);
        Assert.Contains("dbtcloud_artifacts_job", error.Detail, StringComparison.Ordinal);
    }
}
