namespace DbtTfProvider.Http;

/// <summary>Timing of <see cref="DuplicateSafeCreate"/>: how long an unclear create may take to resolve, and how it looks.</summary>
public sealed record CreateSafetyOptions
{
    /// <summary>POSTs sent at most for one create, when each of them ends unclear and nothing of it is found.</summary>
    public int MaxPosts { get; init; } = 3;

    /// <summary>
    /// Time to resolve a create once its outcome is in question: counted from the first unclear answer or from
    /// Terraform's stop, whichever comes first. The stop does not shorten it; the look-ups, the deletion of an object
    /// that cannot be kept and the removal of the marker all run within it.
    /// </summary>
    public TimeSpan ResolveDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After an unclear POST, how long look-ups that find nothing go on before the create is sent again: a request
    /// whose answer timed out may still be committed by the service a little later.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The first wait between look-ups; each further one doubles, up to <see cref="MaxLookInterval"/>.</summary>
    public TimeSpan LookInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxLookInterval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Makes the marker of each create; tests fix it to know the marked name.</summary>
    public Func<CreateMarker> NewMarker { get; init; } = CreateMarker.New;

    /// <summary>Clock for the deadline, the settle time and the waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (MaxPosts < 1) throw new ArgumentOutOfRangeException(nameof(MaxPosts), MaxPosts, "must be at least 1");
        if (ResolveDeadline <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ResolveDeadline), ResolveDeadline, "must be positive");
        if (SettleTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SettleTime), SettleTime, "must not be negative");
        if (LookInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(LookInterval), LookInterval, "must be positive");
        if (MaxLookInterval < LookInterval) throw new ArgumentOutOfRangeException(nameof(MaxLookInterval), MaxLookInterval, "must be at least LookInterval");
    }
}
