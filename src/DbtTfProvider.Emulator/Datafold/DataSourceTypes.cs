namespace DbtTfProvider.Emulator.Datafold;

/// <summary>
/// The <c>type</c> discriminator of a data source in Datafold's published API file (GET /api/v1/data_sources, 27
/// values; tests/DbtTfProvider.Clients.Tests/OpenApi/datafold-openapi.json). Warehouses and non-warehouse sources alike.
/// </summary>
internal static class DataSourceTypes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "athena", "aws_s3", "azure_synapse", "bigquery", "databricks", "db2", "dremio", "duckdb", "files_azure_datalake",
        "google_cloud_storage", "mariadb", "microsoft_fabric", "mongodb", "mssql", "mysql", "netezza", "oracle", "pg",
        "postgres_aurora", "postgres_aws_rds", "redshift", "sap_hana", "snowflake", "starburst", "teradata", "trino", "vertica",
    };
}
