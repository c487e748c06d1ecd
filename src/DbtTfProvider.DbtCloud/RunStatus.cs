namespace DbtTfProvider.DbtCloud;

public static class RunStatus
{
    public const int Queued = 1;
    public const int Starting = 2;
    public const int Running = 3;
    public const int Success = 10;
    public const int Error = 20;
    public const int Cancelled = 30;
}
