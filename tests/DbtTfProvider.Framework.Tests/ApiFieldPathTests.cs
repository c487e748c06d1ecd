using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Tests;

/// <summary>How an API's field name in an error becomes the attribute path a diagnostic points at.</summary>
public class ApiFieldPathTests
{
    private sealed class JobLike
    {
        public TfString Cron;
        public TfInt64 Threads;
        public TfString Target;
        public TfList<TfString> Steps;
        public TfString Name;
    }

    private static readonly SchemaBlock Block = Build();

    private static SchemaBlock Build()
    {
        var s = new ResourceSchemaBuilder<JobLike>("t_job");
        s.String("schedule_cron", m => ref m.Cron).Optional().ApiName("schedule");
        s.Int64("num_threads", m => ref m.Threads).Optional().ApiName("settings.threads");
        s.String("target_name", m => ref m.Target).Optional().ApiName("settings.target_name");
        s.List("execute_steps", m => ref m.Steps).Optional();
        s.String("name", m => ref m.Name).Optional();
        return s.BuildResource().Block;
    }

    [Theory]
    [InlineData("settings.threads", "num_threads")]
    [InlineData("settings.target_name", "target_name")]
    [InlineData("schedule.date.cron", "schedule_cron")]
    [InlineData("schedule.time.interval", "schedule_cron")]
    [InlineData("schedule", "schedule_cron")]
    [InlineData("execute_steps.1", "execute_steps")]
    [InlineData("name", "name")]
    public void A_dotted_api_name_claims_its_field_and_the_fields_beneath(string apiField, string attribute) =>
        Assert.Equal(CtyPath.Attribute(attribute), Block.PathForApiField(apiField));

    [Theory]
    [InlineData("settings")]
    [InlineData("settings.threadsx")]
    [InlineData("triggers.schedule")]
    public void A_field_no_attribute_claims_maps_to_no_path(string apiField) => Assert.Null(Block.PathForApiField(apiField));
}
