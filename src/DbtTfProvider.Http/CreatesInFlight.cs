using System.Collections.Concurrent;

namespace DbtTfProvider.Http;

/// <summary>
/// The creates this process has under way, by kind and name. Terraform runs one provider process per command, so this
/// is every create of the apply: a marked object whose nonce is here is a sibling's, made moments ago, not one left
/// behind by a killed run; and a kind whose names are unique (a Datafold CI config) admits one create per name.
/// </summary>
public static class CreatesInFlight
{
    private static readonly ConcurrentDictionary<string, (string Kind, string Name)> ByNonce = new();

    // Every nonce this process has sent, kept after its create ends: a sibling's object found by a look-up listed while
    // that sibling was still between its POST and its rename is this process's own, never a killed run's leftover.
    private static readonly ConcurrentDictionary<string, byte> Issued = new();
    private static readonly Lock Gate = new();

    /// <summary>Whether a create of this process sent (or is about to send) the marker <paramref name="nonce"/>, under way or ended.</summary>
    public static bool Contains(string nonce) => Issued.ContainsKey(nonce);

    /// <summary>
    /// Records a create until the returned handle is disposed. With <paramref name="uniqueName"/>, returns null instead
    /// when another create of the same kind and name is under way.
    /// </summary>
    public static IDisposable? Enter(string kind, string name, string nonce, bool uniqueName)
    {
        lock (Gate)
        {
            if (uniqueName && ByNonce.Values.Any(c => c.Kind == kind && c.Name == name))
                return null;
            ByNonce[nonce] = (kind, name);
            Issued[nonce] = 0;
        }
        return new Entry(nonce);
    }

    private sealed class Entry(string nonce) : IDisposable
    {
        public void Dispose() => ByNonce.TryRemove(nonce, out _);
    }
}
