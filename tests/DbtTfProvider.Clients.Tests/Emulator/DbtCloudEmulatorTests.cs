using System.Text.Json.Nodes;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Emulator;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests.Emulator;

/// <summary>The dbt Cloud client against the emulator over real HTTP.</summary>
public sealed class DbtCloudEmulatorTests : EmulatorHarness
{
    /// <summary>The default seed plus 150 projects in account 1, so that project and grant lists need two pages.</summary>
    protected override EmulatorSeed Seed()
    {
        var seed = EmulatorSeed.Default();
        seed.DbtCloud.Projects = [.. seed.DbtCloud.Projects, .. Enumerable.Range(1000, 150).Select(i => new SeedProject { Id = i, AccountId = 1, Name = $"Project {i}" })];
        return seed;
    }

    [Fact]
    public async Task Credentials_are_checked_against_the_account_list()
    {
        var account = await DbtCloud().Accounts.CheckCredentialsAsync(1);
        Assert.Equal("Acme", account.Name);

        var unseen = await Assert.ThrowsAsync<DbtCloudApiException>(() => DbtCloud("dbtc_other_token").Accounts.CheckCredentialsAsync(1));
        Assert.Equal(ApiErrorKind.Forbidden, unseen.Kind);
        Assert.Equal("the token is valid but cannot see account 1; it sees account 2 (\"Other\"): check the account id, the token's permissions or IP restrictions", unseen.Summary);

        var invalid = await Assert.ThrowsAsync<DbtCloudApiException>(() => DbtCloud("dbtc_wrong").Accounts.CheckCredentialsAsync(1));
        Assert.Equal(ApiErrorKind.Unauthorized, invalid.Kind);
    }

    [Fact]
    public async Task Projects_and_environments_are_listed_across_pages()
    {
        var client = DbtCloud();

        var projects = await client.Projects.ListAsync();
        var environment = await client.Environments.GetAsync(10, 100);
        var missing = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.Environments.GetAsync(10, 110));

        Assert.Equal(152, projects.Count);
        Assert.Equal(("Analytics", "The company's dbt project"), (projects[0].Name, projects[0].Description));
        Assert.Equal(("deployment", "production", "latest"), (environment.Type, environment.DeploymentType, environment.DbtVersion));
        Assert.Equal(ApiErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Deleted_projects_and_environments_are_skipped_though_dbt_Cloud_lists_them()
    {
        var client = DbtCloud();

        var projects = await client.Projects.ListAsync();
        var environments = await client.Environments.ListAsync(10);

        // The seed's deleted namesakes: projects 12 "Analytics" and 13 "Archive", environments 102 and 103 of project 10.
        Assert.DoesNotContain(projects, p => p.Id is 12 or 13);
        Assert.Single(projects, p => p.Name == "Analytics");
        Assert.Equal([100, 101], environments.Select(e => e.Id));
    }

    [Fact]
    public async Task A_token_is_created_renamed_without_a_new_secret_and_deleted_softly()
    {
        var tokens = DbtCloud().ServiceTokens;

        var created = await tokens.CreateAsync("datafold");
        var renamed = await tokens.RenameAsync(created.Id, "datafold-ci");
        var read = await tokens.GetAsync(created.Id);
        var stored = Assert.Single(await DbtCloudStateAsync("service_tokens"));

        Assert.False(string.IsNullOrEmpty(created.TokenString));
        Assert.Equal(created.TokenString, (string?)stored!["token_string"]);
        Assert.Equal("datafold-ci", renamed.Name);
        Assert.Equal(("datafold-ci", created.Id, created.Uid), (read.Name, read.Id, read.Uid));
        Assert.Null(read.TokenString);

        await tokens.DeleteAsync(created.Id);
        var deleted = await Assert.ThrowsAsync<ObjectGoneException>(() => tokens.GetAsync(created.Id));
        var deletedAgain = await Assert.ThrowsAsync<ObjectGoneException>(() => tokens.DeleteAsync(created.Id));

        Assert.Contains("state 2", deleted.Evidence);
        Assert.Equal($"service token {created.Id}", deletedAgain.What);
        Assert.Equal(2, (int?)Assert.Single(await DbtCloudStateAsync("service_tokens"))!["state"]);
        // An id the account never had: the 404 is confirmed by the token list.
        var unknown = await Assert.ThrowsAsync<ObjectGoneException>(() => tokens.GetAsync(999_999));
        Assert.Contains("token list does not hold it", unknown.Evidence);
    }

    [Fact]
    public async Task Grants_are_assigned_once_and_read_back_through_every_page()
    {
        var tokens = DbtCloud().ServiceTokens;
        var token = await tokens.CreateAsync("many projects");
        var grants = Enumerable.Range(1000, 150).Select(p => new ServiceTokenGrantSpec("member", false, p, [])).ToList();

        var assigned = await tokens.AssignGrantsAsync(token.Id, grants);
        var again = await Assert.ThrowsAsync<DbtCloudApiException>(() => tokens.AssignGrantsAsync(token.Id, grants.Take(1)));

        Assert.Equal(Enumerable.Range(1000, 150).Select(p => (long?)p), assigned.Select(g => g.ProjectId).Order());
        Assert.All(assigned, g => Assert.Equal(("member", token.Id, false), (g.PermissionSet, g.ServiceTokenId, g.AllProjects)));
        Assert.Equal(ApiErrorKind.Validation, again.Kind);
        Assert.Contains("cannot be updated after", again.Summary);
        Assert.Equal(150, (await tokens.ListGrantsAsync(token.Id)).Count);
    }

    [Fact]
    public async Task A_grant_the_service_rejects_names_the_field()
    {
        var tokens = DbtCloud().ServiceTokens;
        var token = await tokens.CreateAsync("bad grant");

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() =>
            tokens.AssignGrantsAsync(token.Id, [new ServiceTokenGrantSpec("superuser", true, null, [])]));

        Assert.Equal(ApiErrorKind.Validation, error.Kind);
        Assert.Contains(error.FieldErrors, f => f.Path[^1] == "permission_set");
    }

    [Fact]
    public async Task A_job_is_created_in_the_spec_shape_and_an_update_keeps_what_it_does_not_change()
    {
        var jobs = DbtCloud().Jobs;
        var created = await jobs.CreateAsync(ArtifactsJob());
        // Edits made in dbt Cloud's UI to fields this caller does not manage.
        await PatchJobAsync(created.Id!.Value, """{"description": "set in the UI", "run_lint": true, "compare_changes_flags": "--select state:modified+", "settings": {"target_name": "prod"}, "triggers_on_draft_pr": true}""");

        var job = await jobs.GetAsync(created.Id.Value);
        job.Name = "Datafold artifacts (hourly)";
        job.Schedule = JobSchedule.CustomCron("30 * * * *");
        job.Settings.Threads = 8;
        var updated = await jobs.UpdateAsync(job);

        var stored = Assert.Single(await DbtCloudStateAsync("jobs"))!;
        Assert.Equal("Datafold artifacts (hourly)", (string?)stored["name"]);
        Assert.Equal("30 * * * *", (string?)stored["schedule"]!["date"]!["cron"]);
        Assert.Equal("every_hour", (string?)stored["schedule"]!["time"]!["type"]);
        Assert.Equal(8, (int)stored["settings"]!["threads"]!);
        Assert.Equal("set in the UI", (string?)stored["description"]);
        Assert.True((bool)stored["run_lint"]!);
        Assert.True((bool)stored["triggers_on_draft_pr"]!);
        Assert.Equal("--select state:modified+", (string?)stored["compare_changes_flags"]);
        Assert.Equal("prod", (string?)stored["settings"]!["target_name"]);
        Assert.Equal("30 * * * *", updated.Schedule.Cron);
        Assert.Equal("scheduled", updated.JobType);
    }

    [Fact]
    public async Task An_invalid_cron_comes_back_at_its_field_path()
    {
        var job = ArtifactsJob();
        job.Schedule = JobSchedule.CustomCron("61 * * * *");

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => DbtCloud().Jobs.CreateAsync(job));

        Assert.Equal(ApiErrorKind.Validation, error.Kind);
        Assert.Contains(error.FieldErrors, f => f.DottedPath == "schedule.date.cron");
        Assert.Empty(await DbtCloudStateAsync("jobs"));
    }

    [Fact]
    public async Task A_deleted_job_is_gone_only_with_its_project_visible_and_a_second_delete_says_gone()
    {
        var jobs = DbtCloud().Jobs;
        var job = await jobs.CreateAsync(ArtifactsJob());

        await jobs.DeleteAsync(job.Id!.Value, job.ProjectId);
        var gone = await Assert.ThrowsAsync<ObjectGoneException>(() => jobs.GetAsync(job.Id.Value, job.ProjectId));
        var deletedAgain = await Assert.ThrowsAsync<ObjectGoneException>(() => jobs.DeleteAsync(job.Id.Value, job.ProjectId));
        // Without the project the two 404s prove nothing.
        var unconfirmed = await Assert.ThrowsAsync<DbtCloudApiException>(() => jobs.GetAsync(job.Id.Value));

        Assert.Contains($"project {job.ProjectId} is visible", gone.Evidence);
        Assert.Equal($"job {job.Id}", deletedAgain.What);
        Assert.Equal(ApiErrorKind.NotFound, unconfirmed.Kind);
        Assert.Contains("cannot be confirmed without its project", unconfirmed.Message);
    }

    [Fact]
    public async Task A_run_is_triggered_and_its_status_read()
    {
        var jobs = DbtCloud().Jobs;
        var job = await jobs.CreateAsync(ArtifactsJob());

        var run = await jobs.TriggerRunAsync(job.Id!.Value, "Triggered by a test");
        var read = await jobs.GetRunAsync(run.Id);

        Assert.Equal(run.Id, read.Id);
        Assert.Contains(read.Status, new[] { RunStatus.Queued, RunStatus.Starting, RunStatus.Running, RunStatus.Success });
    }

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    public async Task A_job_create_committed_then_failed_leaves_exactly_one_job_which_is_adopted(int status)
    {
        await AddFaultAsync($$"""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "commit_then_fail", "status": {{status}}, "count": 1}""");

        var job = await DbtCloud().Jobs.CreateAsync(ArtifactsJob());

        var stored = Assert.Single(Active(await DbtCloudStateAsync("jobs"), "Datafold artifacts"));
        Assert.Equal(job.Id, (long)stored["id"]!);
        Assert.Equal(1, (int)(await StateAsync())["requests"]!["POST /api/v2/accounts/{account_id}/jobs/"]!);
    }

    [Fact]
    public async Task A_job_create_reset_before_processing_is_sent_again_and_leaves_one_job()
    {
        await AddFaultAsync("""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "reset", "count": 1}""");

        var job = await DbtCloud().Jobs.CreateAsync(ArtifactsJob());

        Assert.Equal(job.Id, (long)Assert.Single(Active(await DbtCloudStateAsync("jobs"), "Datafold artifacts"))["id"]!);
    }

    [Fact]
    public async Task An_existing_job_of_the_same_name_is_never_adopted()
    {
        var jobs = DbtCloud().Jobs;
        var existing = await jobs.CreateAsync(ArtifactsJob());
        await AddFaultAsync("""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "reset", "count": 1}""");

        var second = await jobs.CreateAsync(ArtifactsJob());

        Assert.NotEqual(existing.Id, second.Id);
        Assert.Equal(2, Active(await DbtCloudStateAsync("jobs"), "Datafold artifacts").Count());
    }

    [Fact]
    public async Task A_token_create_committed_then_failed_leaves_one_active_token_whose_secret_we_hold()
    {
        await AddFaultAsync("""{"method": "POST", "path_prefix": "/api/v3/accounts/1/service-tokens/", "kind": "commit_then_fail", "count": 1}""");

        var token = await DbtCloud().ServiceTokens.CreateAsync("datafold");

        var tokens = await DbtCloudStateAsync("service_tokens");
        var active = Assert.Single(Active(tokens, "datafold"));
        Assert.Equal(token.Id, (long)active["id"]!);
        Assert.Equal(token.TokenString, (string?)active["token_string"]);
        Assert.Equal(2, tokens.Count);
    }

    [Fact]
    public async Task Grants_committed_then_failed_are_found_and_not_posted_again()
    {
        var tokens = DbtCloud().ServiceTokens;
        var token = await tokens.CreateAsync("datafold");
        await AddFaultAsync($$"""{"method": "POST", "path_prefix": "/api/v3/accounts/1/service-tokens/{{token.Id}}/permissions/", "kind": "commit_then_fail", "count": 1}""");

        var grants = await tokens.AssignGrantsAsync(token.Id, [new ServiceTokenGrantSpec("member", true, null, [])]);

        Assert.Equal("member", Assert.Single(grants).PermissionSet);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_then_the_call_succeeds()
    {
        var jobs = DbtCloud().Jobs;
        var job = await jobs.CreateAsync(ArtifactsJob());
        await AddFaultAsync("""{"method": "GET", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "status", "status": 429, "retry_after_seconds": 1, "count": 2}""");

        var read = await jobs.GetAsync(job.Id!.Value);

        Assert.Equal(job.Id, read.Id);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], Waits);
    }

    [Fact]
    public async Task A_read_answered_408_is_retried()
    {
        var jobs = DbtCloud().Jobs;
        var job = await jobs.CreateAsync(ArtifactsJob());
        await AddFaultAsync("""{"method": "GET", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "status", "status": 408, "count": 2}""");

        var read = await jobs.GetAsync(job.Id!.Value);

        Assert.Equal(job.Id, read.Id);
        Assert.Equal(2, Waits.Count);
    }

    /// <summary>A 408 after a create is unclear: the job is looked up by its marker, and the POST is sent again only when it did not land.</summary>
    [Theory]
    [InlineData("commit_then_fail", 1)]
    [InlineData("status", 2)]
    public async Task A_job_create_answered_408_is_resolved_through_its_marker_and_leaves_one_job(string kind, int posts)
    {
        await AddFaultAsync($$"""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "{{kind}}", "status": 408, "count": 1}""");

        var job = await DbtCloud().Jobs.CreateAsync(ArtifactsJob());

        Assert.Equal(job.Id, (long)Assert.Single(Active(await DbtCloudStateAsync("jobs"), "Datafold artifacts"))["id"]!);
        Assert.Equal(posts, (int)(await StateAsync())["requests"]!["POST /api/v2/accounts/{account_id}/jobs/"]!);
    }

    [Fact]
    public async Task A_create_rejected_with_429_is_retried_and_makes_one_job()
    {
        await AddFaultAsync("""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "status", "status": 429, "retry_after_seconds": 1, "count": 1}""");

        await DbtCloud().Jobs.CreateAsync(ArtifactsJob());

        Assert.Single(Active(await DbtCloudStateAsync("jobs"), "Datafold artifacts"));
        Assert.Equal([TimeSpan.FromSeconds(1)], Waits);
    }

    [Fact]
    public async Task Concurrent_creates_of_same_named_jobs_under_faults_make_exactly_that_many_jobs()
    {
        await AddFaultAsync("""{"method": "POST", "path_prefix": "/api/v2/accounts/1/jobs/", "kind": "commit_then_fail", "count": 3, "every": 2}""");
        var jobs = DbtCloud().Jobs;

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => jobs.CreateAsync(ArtifactsJob())));

        Assert.Equal(6, created.Select(j => j.Id).Distinct().Count());
        Assert.Equal(6, Active(await DbtCloudStateAsync("jobs"), "Datafold artifacts").Count());
    }
}
