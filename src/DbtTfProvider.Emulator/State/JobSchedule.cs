namespace DbtTfProvider.Emulator.State;

internal sealed class JobSchedule
{
    /// <summary>The effective cron, filled by the server from date and time.</summary>
    public string Cron { get; set; } = "";
    public JobScheduleDate Date { get; set; } = new();
    public JobScheduleTime Time { get; set; } = new();
}
