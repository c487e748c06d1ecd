namespace DbtTfProvider.Http;

/// <summary>A client option with a value that cannot work; <see cref="OptionName"/> is the provider-facing name (e.g. host_url).</summary>
public sealed class ClientOptionsException(string optionName, string message) : Exception(message)
{
    public string OptionName { get; } = optionName;
}
