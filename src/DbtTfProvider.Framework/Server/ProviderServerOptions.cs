namespace DbtTfProvider.Framework.Server;

public sealed class ProviderServerOptions
{
    /// <summary>Decides the persona; defaults to the name this process was started under.</summary>
    public string? ExecutableName { get; init; }
    /// <summary>Environment lookup for provider settings; defaults to the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }
}
