namespace DbtTfProvider.DbtCloud;

public sealed class DbtStatus
{
    public int Code { get; set; }
    public bool IsSuccess { get; set; }
    public string? UserMessage { get; set; }
    public string? DeveloperMessage { get; set; }
}
