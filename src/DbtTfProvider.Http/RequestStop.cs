namespace DbtTfProvider.Http;

/// <summary>
/// Terraform's stop (Ctrl-C) for the requests sent inside one scope. A create's POST is sent on a token that the stop
/// does not cancel, because its outcome must be known before the operation returns (see <see cref="DuplicateSafeCreate"/>);
/// the stop reaches <see cref="ResilienceHandler"/> this way instead: it sends no further attempt and cuts the wait
/// between attempts, but leaves the attempt in flight alone.
/// </summary>
public static class RequestStop
{
    private static readonly AsyncLocal<CancellationToken> CurrentStop = new();

    /// <summary>The stop of the enclosing scope; <see cref="CancellationToken.None"/> outside one.</summary>
    public static CancellationToken Current => CurrentStop.Value;

    /// <summary>Until disposed, requests sent from this async flow see <paramref name="stop"/> as their stop.</summary>
    public static Scope Enter(CancellationToken stop)
    {
        var previous = CurrentStop.Value;
        CurrentStop.Value = stop;
        return new Scope(previous);
    }

    public readonly struct Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => CurrentStop.Value = previous;
    }
}
