namespace DbtTfProvider.Http;

/// <summary>How one kind of object is read and how its absence is confirmed: the data <see cref="ConfirmedGone"/> runs on.</summary>
public sealed class GoneCheck<T>
{
    /// <summary>"dbt Cloud" or "Datafold".</summary>
    public required string Service { get; init; }

    /// <summary>The object, e.g. "job 3001".</summary>
    public required string What { get; init; }

    public required Func<CancellationToken, Task<T>> ReadAsync { get; init; }

    /// <summary>Why an answer that came back is the object marked deleted (a soft delete: "answered with state 2"), or null.</summary>
    public Func<T, string?> DeletedEvidence { get; init; } = static _ => null;

    /// <summary>Asked after the 404 (or the second one): what the object's list or parent shows.</summary>
    public required Func<CancellationToken, Task<GoneWitness>> WitnessAsync { get; init; }

    /// <summary>
    /// True when the witness itself shows a deleted object (a list that holds deleted objects with their state): it is
    /// asked after the first 404, and the object is read again only when it shows it present. False: a 404 is read
    /// again first (a stray from a lagging replica passes), and the witness decides after the second.
    /// </summary>
    public bool WitnessFirst { get; init; }

    /// <summary>
    /// The error for a witness list that itself answers the service's 404: the route does not exist on this host,
    /// which says nothing about the object. Null: the 404 with that reason.
    /// </summary>
    public Func<ServiceApiException, Exception>? RouteMissing { get; init; }

    /// <summary>Called when a read found the object after a 404 (logged by the client).</summary>
    public Action OnStrayNotFound { get; init; } = static () => { };
}
