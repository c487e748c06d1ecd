using System.Text.Json.Nodes;
using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Resources.Tests.Fixtures;

namespace DbtTfProvider.Resources.Tests;

/// <summary><c>dbtcloud_artifacts_job</c>: each attribute to its dbt Cloud job field and back.</summary>
public class ArtifactsJobMappingTests : EmulatedProviderTests
{
    private const string Type = "dbtcloud_artifacts_job";

    private CtyValue Job(params (string Name, CtyValue Value)[] values) =>
        DbtCloud.Config(Type, [("project_id", Num(10)), ("environment_id", Num(100)), .. values]);

    /// <summary>Every setting away from its default.</summary>
    private CtyValue Customised() => Job(
        ("name", Str("Datafold manifest")), ("description", Str("for Datafold")), ("execute_steps", Strings("dbt deps", "dbt ls")),
        ("dbt_version", Str("1.9.0-latest")), ("num_threads", Num(4)), ("target_name", Str("prod")), ("timeout_seconds", Num(600)),
        ("schedule_cron", Str("15 */2 * * *")), ("generate_docs", Bool(true)), ("run_generate_sources", Bool(true)));

    [Fact]
    public async Task A_create_sends_every_setting_at_its_job_field()
    {
        var job = await DbtCloud.CreateAsync(Type, Customised());

        var stored = await StoredJobAsync(job);
        Assert.Equal("Datafold manifest", (string)stored["name"]!);
        Assert.Equal("for Datafold", (string)stored["description"]!);
        Assert.Equal(["dbt deps", "dbt ls"], stored["execute_steps"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("1.9.0-latest", (string)stored["dbt_version"]!);
        Assert.Equal(4, (int)stored["settings"]!["threads"]!);
        Assert.Equal("prod", (string)stored["settings"]!["target_name"]!);
        Assert.Equal(600, (int)stored["execution"]!["timeout_seconds"]!);
        Assert.Equal("15 */2 * * *", (string)stored["schedule"]!["cron"]!);
        Assert.True((bool)stored["generate_docs"]!);
        Assert.True((bool)stored["run_generate_sources"]!);
        Assert.Equal((10, 100), ((int)stored["project_id"]!, (int)stored["environment_id"]!));
        // The triggers this resource fixes, and the type dbt Cloud would infer from them.
        Assert.Equal("scheduled", (string)stored["job_type"]!);
        Assert.Equal("schedule=true on_merge=false github=false git_provider=false", Triggers(stored));
        Assert.Null(stored["job_completion_trigger_condition"]);
    }

    [Fact]
    public async Task A_job_configured_with_only_its_project_and_environment_gets_the_setup_guides_defaults()
    {
        var job = await DbtCloud.CreateAsync(Type, Job());

        var stored = await StoredJobAsync(job);
        Assert.Equal("Datafold artifacts", (string)stored["name"]!);
        Assert.Equal(["dbt compile"], stored["execute_steps"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("0 * * * *", (string)stored["schedule"]!["cron"]!);
        Assert.Equal((1, "default", 0), ((int)stored["settings"]!["threads"]!, (string)stored["settings"]!["target_name"]!, (int)stored["execution"]!["timeout_seconds"]!));
        Assert.Equal((false, false), ((bool)stored["generate_docs"]!, (bool)stored["run_generate_sources"]!));
    }

    [Fact]
    public async Task The_state_names_the_job_by_id_number_account_and_page_in_the_UI()
    {
        var job = await DbtCloud.CreateAsync(Type, Job());

        var id = (int)(await StoredJobAsync(job))["id"]!;
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), StrOf(job, "id"));
        Assert.Equal(id, NumOf(job, "job_id"));
        Assert.Equal(1, NumOf(job, "account_id"));
        // The access URL, not the API's (/api is dropped).
        Assert.Equal($"{Emulator.BaseUrl}/deploy/1/projects/10/jobs/{id}", StrOf(job, "job_url"));
    }

    [Fact]
    public async Task A_merge_job_runs_on_merge_only_and_is_sent_as_type_merge()
    {
        var job = await DbtCloud.CreateAsync(Type, Job(("run_on_merge", Bool(true)), ("schedule_enabled", Bool(false)), ("execute_steps", Strings("dbt ls"))));

        var stored = await StoredJobAsync(job);
        Assert.Equal("merge", (string)stored["job_type"]!);
        Assert.Equal("schedule=false on_merge=true github=false git_provider=false", Triggers(stored));
    }

    [Fact]
    public async Task Run_after_job_id_is_sent_as_a_completion_trigger_on_the_upstream_jobs_own_project()
    {
        var upstream = await DbtCloud.CreateAsync(Type, DbtCloud.Config(Type, ("project_id", Num(11)), ("environment_id", Num(110)), ("name", Str("Production run"))));

        var job = await DbtCloud.CreateAsync(Type, Job(("run_after_job_id", Num(NumOf(upstream, "job_id"))), ("run_after_statuses", StringSet("success", "error"))));

        var condition = (await StoredJobAsync(job))["job_completion_trigger_condition"]!["condition"]!;
        Assert.Equal(NumOf(upstream, "job_id"), (long)condition["job_id"]!);
        Assert.Equal(11, (int)condition["project_id"]!);
        Assert.Equal([10, 20], condition["statuses"]!.AsArray().Select(s => (int)s!).Order());
        var read = await DbtCloud.ReadAsync(Type, job);
        Assert.Empty(Changed(job, read));
    }

    [Fact]
    public async Task Settings_changed_in_the_UI_show_as_drift_on_their_attributes_and_the_apply_puts_them_back()
    {
        var config = Customised();
        var job = await DbtCloud.CreateAsync(Type, config);
        await EditAsync($"/dbtcloud/jobs/{StrOf(job, "id")}",
            """{"settings": {"threads": 8}, "schedule": {"date": {"type": "custom_cron", "cron": "0 6 * * *"}}, "triggers": {"schedule": false}, "execute_steps": ["dbt build"]}""");

        var read = await DbtCloud.ReadAsync(Type, job);
        Assert.Equal(["execute_steps", "num_threads", "schedule_cron", "schedule_enabled"], Changed(job, read));
        Assert.Equal((8, "0 6 * * *", false), (NumOf(read, "num_threads"), StrOf(read, "schedule_cron"), BoolOf(read, "schedule_enabled")));

        var plan = await DbtCloud.PlanAsync(Type, read, config);
        Assert.Empty(plan.RequiresReplace);
        var restored = await DbtCloud.ApplyAsync(Type, read, config);
        Assert.Empty(restored.Diagnostics);
        var stored = await StoredJobAsync(job);
        Assert.Equal((4, "15 */2 * * *", true), ((int)stored["settings"]!["threads"]!, (string)stored["schedule"]!["cron"]!, (bool)stored["triggers"]!["schedule"]!));
    }

    [Fact]
    public async Task An_update_keeps_the_fields_of_the_job_that_the_resource_does_not_manage()
    {
        var job = await DbtCloud.CreateAsync(Type, Job());
        await EditAsync($"/dbtcloud/jobs/{StrOf(job, "id")}", """{"deferring_environment_id": 100, "run_lint": true}""");
        var read = await DbtCloud.ReadAsync(Type, job);
        Assert.Empty(Changed(job, read));

        var renamed = await DbtCloud.ApplyAsync(Type, read, Job(("name", Str("Renamed"))));

        Assert.Empty(renamed.Diagnostics);
        var stored = await StoredJobAsync(job);
        Assert.Equal("Renamed", (string)stored["name"]!);
        Assert.Equal(100, (int)stored["deferring_environment_id"]!);
        Assert.True((bool)stored["run_lint"]!);
    }

    [Fact]
    public async Task An_import_by_id_reads_every_setting_so_the_next_plan_with_the_same_configuration_is_empty()
    {
        var config = Customised();
        var job = await DbtCloud.CreateAsync(Type, config);

        var imported = await DbtCloud.ImportAsync(Type, StrOf(job, "id"));

        Assert.False(imported.Diagnostics.HasErrors, imported.Diagnostics.ToString());
        Assert.Empty(Changed(job, imported));
        var plan = await DbtCloud.PlanAsync(Type, imported, config);
        Assert.Equal(imported.State, plan.PlannedState);
    }

    [Fact]
    public async Task A_change_to_an_imported_CI_job_fails_the_plan_naming_its_type_and_writes_nothing()
    {
        var ciJob = await DbtCloud.CreateAsync("dbtcloud_ci_job", DbtCloud.Config("dbtcloud_ci_job",
            ("project_id", Num(10)), ("environment_id", Num(100)), ("deferring_environment_id", Num(100))));
        var imported = await DbtCloud.ImportAsync(Type, StrOf(ciJob, "id"));
        var before = await StoredJobAsync(ciJob);

        var plan = await DbtCloud.PlanAsync(Type, imported, Job(("name", Str("Datafold artifacts"))));

        var error = Assert.Single(plan.Diagnostics);
        Assert.Equal("Job type cannot change", error.Summary);
        Assert.Contains("job_type \"ci\"", error.Detail, StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), (await StoredJobAsync(ciJob)).ToJsonString());
    }

    [Fact]
    public async Task Trigger_run_on_create_starts_one_run_of_the_new_job_and_is_no_job_setting()
    {
        var job = await DbtCloud.CreateAsync(Type, Job(("trigger_run_on_create", Bool(true))));

        var runs = (await StateAsync())["dbt_cloud"]!["runs"]!.AsArray();
        Assert.Equal(NumOf(job, "job_id"), (long)Assert.Single(runs)!["job_definition_id"]!);
        Assert.Null((await StoredJobAsync(job))["trigger_run_on_create"]);
        // Kept from state on refresh (dbt Cloud has no such field): it is no drift.
        var read = await DbtCloud.ReadAsync(Type, job);
        Assert.True(BoolOf(read, "trigger_run_on_create"));
    }

    private static string Triggers(JsonNode stored)
    {
        var t = stored["triggers"]!;
        return $"schedule={t["schedule"]} on_merge={t["on_merge"]} github={t["github_webhook"]} git_provider={t["git_provider_webhook"]}";
    }
}
