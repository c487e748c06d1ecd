namespace DbtTfProvider.Http;

/// <summary>The steps of one create for <see cref="DuplicateSafeCreate"/>. The object sent carries a <see cref="CreateMarker"/>.</summary>
public sealed class CreateSteps<T> where T : class
{
    /// <summary>For messages, e.g. <c>service token "ci"</c>.</summary>
    public required string What { get; init; }

    /// <summary>What a user looks for when the outcome stays unknown, e.g. <c>a service token named "ci [tf-create …]"</c>.</summary>
    public required string Trace { get; init; }

    /// <summary>Sends the POST once (the resilience handler still retries what surely was not processed).</summary>
    public required Func<CancellationToken, Task<T>> PostAsync { get; init; }

    /// <summary>Every live object that carries the marker; an empty list when there is none.</summary>
    public required Func<CancellationToken, Task<IReadOnlyList<T>>> FindAsync { get; init; }

    public required Func<T, long> Id { get; init; }

    /// <summary>Whether a found object can be kept (a token whose secret was lost with the answer cannot).</summary>
    public Func<T, bool> IsUsable { get; init; } = static _ => true;

    /// <summary>
    /// Deletes a found object that cannot be kept, or a second one made by a POST that landed late. Null when such an
    /// object cannot be taken back (a run): it is then only reported in the log.
    /// </summary>
    public Func<T, CancellationToken, Task>? DiscardAsync { get; init; }

    /// <summary>
    /// Removes the marker from the created object (returns the object as it is then); null when the marker stays. A
    /// failure leaves the object in state under its marked name, with a warning; a <see cref="CreateNotResolvedException"/>
    /// (the confirm undid the create) fails it.
    /// </summary>
    public Func<T, CancellationToken, Task<T>>? ConfirmAsync { get; init; }

    /// <summary>
    /// The marker this create's name carries, with the name it marks and the kind of object. When set, the create is
    /// recorded in <see cref="CreatesInFlight"/>, its unclear POSTs and warnings in <see cref="CreateReport"/>.
    /// </summary>
    public CreateMarker? Marker { get; init; }

    /// <summary>The unmarked name (with <see cref="Marker"/>).</summary>
    public string BaseName { get; init; } = "";

    /// <summary>The kind of object, e.g. <c>job</c> (with <see cref="Marker"/>).</summary>
    public string Kind { get; init; } = "";

    /// <summary>Whether the service keeps one object per name: a second create of the same name in this process fails before it is sent.</summary>
    public bool UniqueName { get; init; }

    /// <summary>Where such objects live, for messages, e.g. <c>project 10</c>.</summary>
    public string Where { get; init; } = "the service";

    /// <summary>The object's name as the service has it (with <see cref="FindLeftoversAsync"/>).</summary>
    public Func<T, string?> Name { get; init; } = static _ => null;

    /// <summary>
    /// Live objects of this kind whose name is <see cref="BaseName"/> marked by any create: looked up before the first
    /// POST. One whose marker is not a create of this process fails the create (<see cref="UnfinishedCreateException"/>).
    /// </summary>
    public Func<CancellationToken, Task<IReadOnlyList<T>>>? FindLeftoversAsync { get; init; }
}
