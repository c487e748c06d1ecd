namespace DbtTfProvider.DbtCloud;

/// <summary>Filters of the job list; null filters are left out.</summary>
public sealed class JobListFilter
{
    public long? ProjectId { get; init; }
    public long? EnvironmentId { get; init; }

    /// <summary>Case-insensitive substring of the name (the service's name__icontains).</summary>
    public string? NameContains { get; init; }
}
