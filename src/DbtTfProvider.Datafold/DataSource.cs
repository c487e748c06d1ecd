namespace DbtTfProvider.Datafold;

/// <summary>A data source as the published file describes it (a <c>type</c>-discriminated union; the fields every variant has).</summary>
public sealed class DataSource
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>One of the 27 values of the discriminator, e.g. pg, snowflake, bigquery, aws_s3, mongodb.</summary>
    public string? Type { get; set; }
    /// <summary>Whether the API key's user may use it (an admin, or a member of one of its groups); default true.</summary>
    public bool Accessible { get; set; } = true;
    /// <summary>"boolean or null", default false.</summary>
    public bool? IsPaused { get; set; }
}
