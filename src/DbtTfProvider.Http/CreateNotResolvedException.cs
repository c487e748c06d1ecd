namespace DbtTfProvider.Http;

/// <summary>
/// A create that <see cref="DuplicateSafeCreate"/> could not bring to a clear end: every POST ended unclear and nothing
/// of them was found (nothing was created), or the outcome stayed unknown until the resolution deadline (the message
/// says what to look for).
/// </summary>
public sealed class CreateNotResolvedException(string summary, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A short title for a diagnostic: "Create failed" or "Create outcome unknown".</summary>
    public string Summary { get; } = summary;
}
