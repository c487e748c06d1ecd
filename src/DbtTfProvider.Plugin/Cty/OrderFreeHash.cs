namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// Hashing of unordered collections (cty sets here, the framework's model sets): a sum of the mixed element hashes, so
/// that every order hashes alike. Each element hash goes through murmur3's bijective 32-bit finaliser first, so that
/// a plain sum of similar hashes does not cancel out or cluster.
/// </summary>
public static class OrderFreeHash
{
    public static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
