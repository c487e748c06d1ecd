namespace DbtTfProvider.Emulator.State;

/// <summary>A job run. Runs finish at once: queued when triggered, a success from the next look on.</summary>
internal sealed class Run
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public int JobDefinitionId { get; set; }
    public int ProjectId { get; set; }
    public int EnvironmentId { get; set; }
    public int Status { get; set; } = RunStatus.Queued;
    public string Cause { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string? FinishedAt { get; set; }
}
