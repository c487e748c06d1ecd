namespace DbtTfProvider.DbtCloud;

public sealed class ServiceTokenRenameRequest
{
    public string Name { get; set; } = "";
}
