using System.Text.Json.Nodes;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Tests;

/// <summary>A resource's settings as fields of the service's JSON object, from the schema alone.</summary>
public class ApiObjectMappingTests
{
    public sealed class JobLike
    {
        public TfString Id, Name, Cron, DbtVersion;
        public TfInt64 Threads;
        public TfBool RunNow;
        public TfList<TfString> Steps;
    }

    /// <summary>Writes a cron as {"schedule": {"cron": …}}, the way a service may nest a value.</summary>
    private sealed class CronConverter : IApiFieldConverter
    {
        public void Write(CtyValue value, JsonObject apiObject) => apiObject["schedule"] = new JsonObject { ["cron"] = value.AsString() };
        public CtyValue Read(JsonObject apiObject, CtyType type) => CtyValue.String(apiObject["schedule"]?["cron"]?.GetValue<string>() ?? "");
    }

    private static ApiObjectMapping<JobLike> Mapping()
    {
        var s = new ResourceSchemaBuilder<JobLike>("test_job");
        s.String("id", m => ref m.Id).Computed();
        s.String("name", m => ref m.Name).Required();
        s.String("dbt_version", m => ref m.DbtVersion).Optional();
        s.Int64("num_threads", m => ref m.Threads).Optional().Default(1).ApiName("settings.threads");
        s.List("execute_steps", m => ref m.Steps).Optional();
        s.String("cron", m => ref m.Cron).Optional().ApiName("schedule").ApiConverter(new CronConverter());
        s.Bool("run_now", m => ref m.RunNow).Optional().LocalOnly();
        return s.BuildResource().ApiObject;
    }

    private static JobLike Job() => new()
    {
        Id = "7", Name = "n", Threads = 4, Steps = TfList<TfString>.Of("dbt ls", "dbt compile"), Cron = "0 * * * *", RunNow = true,
    };

    [Fact]
    public void Settings_are_the_configurable_attributes_that_are_not_local()
    {
        Assert.Equal(["name", "dbt_version", "num_threads", "execute_steps", "cron"], Mapping().Attributes);
    }

    [Fact]
    public void Write_sets_each_setting_at_its_api_name_and_keeps_other_fields()
    {
        var body = new JsonObject { ["settings"] = new JsonObject { ["target_name"] = "prod" }, ["lint"] = true, ["dbt_version"] = "1.9" };
        Mapping().Write(Job(), body);
        Assert.Equal(
            """{"settings":{"target_name":"prod","threads":4},"lint":true,"dbt_version":null,"name":"n","execute_steps":["dbt ls","dbt compile"],"schedule":{"cron":"0 * * * *"}}""",
            body.ToJsonString());
    }

    [Fact]
    public void Read_takes_each_setting_back_and_leaves_the_others()
    {
        var body = JsonNode.Parse("""{"name":"ui","settings":{"threads":8},"execute_steps":["dbt build"],"schedule":{"cron":"5 * * * *"},"dbt_version":"latest"}""")!.AsObject();
        var job = Job();
        Mapping().Read(body, job);
        Assert.Equal("ui", job.Name.Value);
        Assert.Equal(8, job.Threads.Value);
        Assert.Equal(["dbt build"], job.Steps.Values());
        Assert.Equal("5 * * * *", job.Cron.Value);
        Assert.Equal("latest", job.DbtVersion.Value);
        Assert.Equal("7", job.Id.Value);
        Assert.True(job.RunNow.Value);
    }

    [Fact]
    public void A_missing_or_null_field_reads_as_null()
    {
        var job = Job();
        Mapping().Read(JsonNode.Parse("""{"name":"n","dbt_version":null}""")!.AsObject(), job);
        Assert.True(job.DbtVersion.IsNull);
        Assert.True(job.Threads.IsNull);
    }

    [Fact]
    public void SameSettings_compares_every_setting_and_ignores_local_and_computed_attributes()
    {
        var mapping = Mapping();
        var other = Job();
        other.RunNow = false;
        other.Id = "8";
        Assert.True(mapping.SameSettings(Job(), other));
        other.Cron = "1 * * * *";
        Assert.False(mapping.SameSettings(Job(), other));
    }
}
