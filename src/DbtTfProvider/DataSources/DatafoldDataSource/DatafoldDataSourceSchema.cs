using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DataSources.DatafoldDataSource;

/// <summary>The <c>datafold_data_source</c> data source schema and the descriptions the docs are generated from.</summary>
internal static class DatafoldDataSourceSchema
{
    public static void Define(SchemaBuilder<DatafoldDataSourceModel> s)
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
            .Description("The kind of database, as Datafold names it, e.g. `snowflake`, `bigquery` or `databricks`.");
    }
}
