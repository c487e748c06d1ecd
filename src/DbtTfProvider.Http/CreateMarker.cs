using System.Security.Cryptography;

namespace DbtTfProvider.Http;

/// <summary>
/// Proof that an object is ours: a random tag that a create puts into the new object's name (or a run's cause) and
/// that nobody else can have chosen. When the answer to a create is lost, only objects carrying the tag are adopted or
/// deleted; another workspace's object of the same name is never touched. The tag is removed once the create is
/// confirmed (see <see cref="DuplicateSafeCreate"/>).
/// </summary>
public sealed class CreateMarker
{
    private CreateMarker(string nonce) => Nonce = nonce;

    /// <summary>12 hex digits from a cryptographic source (48 bits).</summary>
    public string Nonce { get; }

    /// <summary>What is appended: " [tf-create 0123456789ab]".</summary>
    public string Tag => $" [tf-create {Nonce}]";

    public static CreateMarker New() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    /// <summary>A marker with a known nonce (tests: <see cref="CreateSafetyOptions.NewMarker"/>).</summary>
    public static CreateMarker FromNonce(string nonce) => new(nonce);

    /// <summary><paramref name="text"/> with the tag appended.</summary>
    public string Mark(string text) => text + Tag;
}
