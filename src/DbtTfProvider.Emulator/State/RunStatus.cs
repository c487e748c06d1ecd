namespace DbtTfProvider.Emulator.State;

internal static class RunStatus
{
    public const int Queued = 1;
    public const int Success = 10;

    public static string Humanized(int status) => status switch
    {
        1 => "Queued",
        2 => "Starting",
        3 => "Running",
        10 => "Success",
        20 => "Error",
        30 => "Cancelled",
        _ => "Unknown",
    };
}
