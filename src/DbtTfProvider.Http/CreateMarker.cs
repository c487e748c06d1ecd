using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace DbtTfProvider.Http;

/// <summary>
/// Proof that an object is ours: a random tag that a create puts into the new object's name (or a run's cause) and
/// that nobody else can have chosen. When the answer to a create is lost, only objects carrying the tag are adopted or
/// deleted; another workspace's object of the same name is never touched. The tag is removed once the create is
/// confirmed (see <see cref="DuplicateSafeCreate"/>).
/// </summary>
public sealed partial class CreateMarker
{
    private CreateMarker(string nonce) => Nonce = nonce;

    /// <summary>12 hex digits from a cryptographic source (48 bits).</summary>
    public string Nonce { get; }

    /// <summary>What is appended: " [tf-create 0123456789ab]" (25 characters).</summary>
    public string Tag => $" [tf-create {Nonce}]";

    /// <summary>The length of every <see cref="Tag"/>.</summary>
    public const int TagLength = 25;

    public static CreateMarker New() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    /// <summary>A marker with a known nonce (tests: <see cref="CreateSafetyOptions.NewMarker"/>).</summary>
    public static CreateMarker FromNonce(string nonce) => new(nonce);

    /// <summary>
    /// <paramref name="text"/> with the tag appended. When that would pass <paramref name="maxLength"/> (the service's
    /// limit on the name), the text is cut so that the marked form fits: the marker never makes a create fail, and the
    /// rename that removes it restores the whole name.
    /// </summary>
    public string Mark(string text, int? maxLength = null)
    {
        if (maxLength is { } max && text.Length + TagLength > max)
            text = text[..Math.Max(0, max - TagLength)];
        return text + Tag;
    }

    /// <summary>The nonce of a marked name (<c>… [tf-create 0123456789ab]</c>); false when the name carries no marker.</summary>
    public static bool TryRead(string? name, [NotNullWhen(true)] out string? nonce)
    {
        var match = name is null ? null : MarkedName().Match(name);
        nonce = match is { Success: true } ? match.Groups[1].Value : null;
        return nonce is not null;
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="name"/> as some create marked it (any nonce).</summary>
    public static bool IsMarkedFormOf(string? candidate, string name, int? maxLength) =>
        TryRead(candidate, out var nonce) && FromNonce(nonce).Mark(name, maxLength) == candidate;

    [GeneratedRegex(@" \[tf-create ([0-9a-f]{12})\]\z", RegexOptions.CultureInvariant)]
    private static partial Regex MarkedName();
}
