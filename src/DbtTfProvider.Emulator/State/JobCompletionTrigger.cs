namespace DbtTfProvider.Emulator.State;

/// <summary>{"condition": {"job_id", "project_id", "statuses"}}: the upstream job, its project, and the run statuses that start this job.</summary>
internal sealed class JobCompletionTrigger
{
    public JobCompletionCondition Condition { get; set; } = new();
}
