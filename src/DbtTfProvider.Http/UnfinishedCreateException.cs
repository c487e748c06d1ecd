namespace DbtTfProvider.Http;

/// <summary>
/// Before a create: an object of the same kind and name that still carries another create's marker (a run killed
/// before it could remove it, or a commit that came after the run gave up). Nothing proves it belongs to this
/// configuration (the marker's nonce was never persisted where this run can read it), so it is neither adopted nor
/// deleted, and no twin is made: the caller says what to do (import it or delete it) and nothing is sent.
/// </summary>
public sealed class UnfinishedCreateException(string what, long id, string markedName, string where, bool canBeKept)
    : Exception($"{what}: {where} already holds {id} named \"{markedName}\", left by a create that did not finish (its marker was never removed)")
{
    /// <summary>For messages, e.g. <c>job "nightly"</c>.</summary>
    public string What { get; } = what;

    public long Id { get; } = id;

    public string MarkedName { get; } = markedName;

    /// <summary>Where it lives, e.g. <c>project 10</c> or <c>the account</c>.</summary>
    public string Where { get; } = where;

    /// <summary>False when the object cannot be used even if imported (a token whose secret was lost): only deleting it helps.</summary>
    public bool CanBeKept { get; } = canBeKept;
}
