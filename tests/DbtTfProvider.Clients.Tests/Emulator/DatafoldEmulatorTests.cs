using DbtTfProvider.Datafold;
using DbtTfProvider.Datafold.CiConfigContract;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests.Emulator;

/// <summary>The Datafold client against the emulator over real HTTP, with a real dbt Cloud token and job behind it.</summary>
public sealed class DatafoldEmulatorTests : EmulatorHarness
{
    private async Task<DbtCloudCiConfig> ConfigAsync(string name = "dbt Cloud CI")
    {
        var dbt = DbtCloud();
        var token = await dbt.ServiceTokens.CreateAsync("datafold");
        await dbt.ServiceTokens.AssignGrantsAsync(token.Id, [new ServiceTokenGrantSpec("member", true, null, [])]);
        var job = await dbt.Jobs.CreateAsync(ArtifactsJob());
        return new DbtCloudCiConfig
        {
            Name = name,
            RepoId = 3,
            DataSourceId = 7,
            DbtCloud = new DbtCloudCiSettings { AccountId = 1, ApiKey = token.TokenString, ArtifactsJobId = job.Id!.Value },
        };
    }

    [Fact]
    public async Task Credentials_and_data_sources_are_read()
    {
        var client = Datafold();

        var meta = await client.CheckCredentialsAsync();
        var sources = await client.DataSources.ListAsync();
        var source = await client.DataSources.GetAsync(7);
        var invalid = await Assert.ThrowsAsync<DatafoldApiException>(() => Datafold("df_wrong").CheckCredentialsAsync());

        Assert.Equal(("Acme", 1L), (meta!.OrgName, meta.OrgId));
        Assert.Equal(7, Assert.Single(sources).Id);
        Assert.Equal("Snowflake production", source.Name);
        Assert.Equal(ApiErrorKind.Unauthorized, invalid.Kind);
    }

    [Fact]
    public async Task A_ci_config_is_created_read_updated_without_its_key_and_deleted()
    {
        var configs = Datafold().CiConfigs;
        var request = await ConfigAsync();

        var created = await configs.CreateAsync(request);
        request.DbtCloud.ApiKey = null;
        request.FilesToIgnore = ["docs/**", "!docs/keep.md"];
        request.SlimDiff = true;
        var updated = await configs.UpdateAsync(created.Id!.Value, request);
        var read = await configs.GetAsync(created.Id.Value);
        var stored = Assert.Single(await DatafoldStateAsync("ci_configs"))!;

        Assert.Equal("dbt_cloud", created.Type);
        Assert.True(created.DbtCloud.ApiKeySet);
        Assert.Null(created.DbtCloud.ApiKey);
        Assert.Equal(["docs/**", "!docs/keep.md"], read.FilesToIgnore);
        Assert.True(updated.SlimDiff);
        Assert.Equal(("primary-key", true, "merge_base"), (read.PrimaryKeyTag, read.Enabled, read.BaseCommitStrategy));
        Assert.Equal((string?)(await DbtCloudStateAsync("service_tokens"))[0]!["token_string"], (string?)stored["dbt_cloud"]!["api_key"]);

        await configs.DeleteAsync(created.Id.Value);
        var gone = await Assert.ThrowsAsync<ObjectGoneException>(() => configs.GetAsync(created.Id.Value));
        var deletedAgain = await Assert.ThrowsAsync<ObjectGoneException>(() => configs.DeleteAsync(created.Id.Value));
        Assert.Contains("404 twice", gone.Evidence);
        Assert.Equal($"CI config {created.Id}", deletedAgain.What);
    }

    [Fact]
    public async Task A_job_the_key_cannot_use_comes_back_at_dbt_cloud_artifacts_job_id()
    {
        var request = await ConfigAsync();
        request.DbtCloud.ArtifactsJobId = 999_999;

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => Datafold().CiConfigs.CreateAsync(request));

        Assert.Equal(ApiErrorKind.Validation, error.Kind);
        Assert.Equal(["dbt_cloud", "artifacts_job_id"], Assert.Single(error.FieldErrors).Path);
        Assert.Empty(await DatafoldStateAsync("ci_configs"));
    }

    [Fact]
    public async Task A_second_config_with_the_same_name_is_reported_with_the_first_ones_id()
    {
        var configs = Datafold().CiConfigs;
        var request = await ConfigAsync();
        var first = await configs.CreateAsync(request);

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => configs.CreateAsync(request));

        Assert.Equal(ApiErrorKind.Conflict, error.Kind);
        Assert.Equal(first.Id, error.ExistingId);
        Assert.Contains($"already exists (id {first.Id}); import it", error.Message);
    }

    [Fact]
    public async Task A_create_committed_then_failed_is_adopted_by_name_and_leaves_one_config()
    {
        var request = await ConfigAsync();
        await AddFaultAsync("""{"method": "POST", "path_prefix": "/api/v1/ci/", "kind": "commit_then_fail", "count": 1}""");

        var created = await Datafold().CiConfigs.CreateAsync(request);

        var stored = Assert.Single(await DatafoldStateAsync("ci_configs"))!;
        Assert.Equal(created.Id, (long)stored["id"]!);
    }

    [Fact]
    public async Task Transient_503s_on_reads_are_retried()
    {
        var configs = Datafold().CiConfigs;
        var created = await configs.CreateAsync(await ConfigAsync());
        await AddFaultAsync("""{"method": "GET", "path_prefix": "/api/v1/ci/", "kind": "status", "status": 503, "count": 2}""");

        var read = await configs.GetAsync(created.Id!.Value);

        Assert.Equal(created.Id, read.Id);
        Assert.Equal(2, Waits.Count);
    }
}
