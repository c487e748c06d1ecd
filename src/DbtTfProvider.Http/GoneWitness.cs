namespace DbtTfProvider.Http;

/// <summary>
/// What a second source (the object's list, its parent) says about an object whose read answered the service's 404:
/// <see cref="Gone"/> with the evidence, <see cref="Present"/> (it is still there: read it again) or
/// <see cref="Unknown"/> (it cannot tell: the 404 stays an error, with the reason).
/// </summary>
public readonly record struct GoneWitness(GoneVerdict Verdict, string Reason)
{
    public static GoneWitness Gone(string evidence) => new(GoneVerdict.Gone, evidence);

    public static GoneWitness Present(string reason) => new(GoneVerdict.Present, reason);

    public static GoneWitness Unknown(string reason) => new(GoneVerdict.Unknown, reason);
}
