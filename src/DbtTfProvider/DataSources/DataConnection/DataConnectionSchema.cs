using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DataSources.DataConnection;

/// <summary>The <c>datafold_data_source</c> data source schema and the descriptions the docs are generated from.</summary>
internal static class DataConnectionSchema
{
    public static void Define(SchemaBuilder<DataConnectionModel> s)
    {
        s.Description(
            "Looks up a Datafold data source (a data connection, e.g. the warehouse the dbt project writes to) of the API key's " +
            "organization by its name, for the `data_source_id` of `datafold_dbt_integration`. The name must match exactly one " +
            "data source: otherwise `terraform plan` fails, listing the data sources' names (no match) or the ids of every data " +
            "source with that name (more than one).");
        s.String("name", m => ref m.Name).Required().LengthAtLeast(1)
            .Description("The data source's name as Datafold shows it; it matches exactly (case and spaces included).");
        s.String("id", m => ref m.Id).Computed()
            .Description("The data source's numeric id, as a string.");
        s.Int64("data_source_id", m => ref m.DataSourceId).Computed()
            .Description("The data source's numeric id, e.g. for `data_source_id` of `datafold_dbt_integration`.");
        s.String("type", m => ref m.Type).Computed()
            .Description("The kind of data source, as Datafold names it: one of the 27 types of its API, warehouses such as `snowflake`, " +
                         "`bigquery`, `databricks`, `pg`, `postgres_aurora` or `postgres_aws_rds`, and other sources such as `aws_s3` or `mongodb`.");
        s.Bool("accessible", m => ref m.Accessible).Computed()
            .Description("Whether the user of the provider's API key may use the data source (an admin, or a member of one of its groups). " +
                         "`datafold_dbt_integration` refuses, at plan, a data source that is not accessible.");
        s.Bool("is_paused", m => ref m.IsPaused).Computed()
            .Description("Whether the data source is paused in Datafold (`datafold_dbt_integration` warns at plan: nothing runs on it until it is resumed).");
    }
}
