namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class NestApi
{
    public int NextId = 1;
    /// <summary>The API answers with another owner name than it was sent (a provider bug Terraform would reject).</summary>
    public bool RenameOwner;
    public readonly Dictionary<string, NestModel> Objects = [];
}
