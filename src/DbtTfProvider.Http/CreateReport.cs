namespace DbtTfProvider.Http;

/// <summary>
/// What the creates inside one scope have to tell their caller besides the object: the markers of POSTs whose outcome
/// stayed unclear (a late commit may still make an object carrying one: the caller keeps them, and a later read deletes
/// such an object, provably ours), and warnings the user must see (a marker that could not be removed, a create that
/// was sent again). <see cref="DuplicateSafeCreate"/> writes here; outside a scope nothing is recorded.
/// </summary>
public sealed class CreateReport
{
    private static readonly AsyncLocal<CreateReport?> CurrentReport = new();
    private readonly List<string> _unclearMarkers = [];
    private readonly List<CreateWarning> _warnings = [];
    private readonly Lock _lock = new();

    /// <summary>The report of the enclosing scope, or null.</summary>
    public static CreateReport? Current => CurrentReport.Value;

    /// <summary>Until disposed, creates in this async flow record into a new report (the returned scope's).</summary>
    public static Scope Begin()
    {
        var report = new CreateReport();
        var previous = CurrentReport.Value;
        CurrentReport.Value = report;
        return new Scope(report, previous);
    }

    /// <summary>Nonces of markers sent with a POST whose outcome was unclear.</summary>
    public IReadOnlyList<string> UnclearMarkers
    {
        get { lock (_lock) return [.. _unclearMarkers]; }
    }

    public IReadOnlyList<CreateWarning> Warnings
    {
        get { lock (_lock) return [.. _warnings]; }
    }

    internal void AddUnclearMarker(string nonce)
    {
        lock (_lock)
            if (!_unclearMarkers.Contains(nonce)) _unclearMarkers.Add(nonce);
    }

    internal void AddWarning(CreateWarning warning)
    {
        lock (_lock) _warnings.Add(warning);
    }

    public readonly struct Scope(CreateReport report, CreateReport? previous) : IDisposable
    {
        public CreateReport Report => report;

        public void Dispose() => CurrentReport.Value = previous;
    }
}
