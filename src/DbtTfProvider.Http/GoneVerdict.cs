namespace DbtTfProvider.Http;

/// <summary>See <see cref="GoneWitness"/>.</summary>
public enum GoneVerdict
{
    Gone,
    Present,
    Unknown,
}
