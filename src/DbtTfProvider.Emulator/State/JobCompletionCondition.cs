namespace DbtTfProvider.Emulator.State;

internal sealed class JobCompletionCondition
{
    public int JobId { get; set; }
    public int ProjectId { get; set; }

    /// <summary>Run statuses: 10 success, 20 error, 30 cancelled.</summary>
    public List<int> Statuses { get; set; } = [];
}
