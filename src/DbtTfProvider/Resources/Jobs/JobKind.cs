namespace DbtTfProvider.Resources.Jobs;

/// <summary>How one job resource differs in its shared schema lines: words and defaults, as data.</summary>
public sealed record JobKind
{
    /// <summary>The job as the descriptions call it, e.g. "job" or "CI job".</summary>
    public required string Noun { get; init; }
    /// <summary>Whether the resource writes dbt Cloud's CI jobs (job_type "ci"); its namesakes are jobs of the same side.</summary>
    public required bool WritesCiJobs { get; init; }
    public required string DefaultName { get; init; }
    public required string DefaultStep { get; init; }
    /// <summary>Completes "The environment the job runs in; it must belong to `project_id`. …".</summary>
    public required string EnvironmentAdvice { get; init; }
    /// <summary>Completes the execute_steps description after its default.</summary>
    public required string StepsAdvice { get; init; }
}
