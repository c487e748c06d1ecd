namespace DbtTfProvider.Resources.Jobs;

/// <summary>How one job resource differs in its shared schema lines: words and defaults, as data.</summary>
public sealed record JobKind
{
    /// <summary>The job as the descriptions call it, e.g. "job" or "CI job".</summary>
    public required string Noun { get; init; }
    public required string DefaultName { get; init; }
    public required string DefaultStep { get; init; }
    /// <summary>Completes "The environment the job runs in; it must belong to `project_id`. …".</summary>
    public required string EnvironmentAdvice { get; init; }
    /// <summary>Completes the execute_steps description after its default.</summary>
    public required string StepsAdvice { get; init; }
}
