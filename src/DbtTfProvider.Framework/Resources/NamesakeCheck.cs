namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// A resource whose service lets two objects share a name declares here how to list the objects a create's name could
/// meet. When a plan creates the object (no prior state) and the service already holds one of that kind with that name
/// in that scope, the plan warns at <see cref="NameAttribute"/>, naming each by id and saying what to do: import it, or
/// give this one another name; applying anyway makes a second one. That is what a <c>terraform</c> killed after a create
/// answered, but before it saved its state, leaves behind. A warning, never an error: namesakes are legal, and nothing
/// is adopted or deleted. The framework runs it as an on-create <see cref="ServiceCheck{TModel, TClient}"/> (a failed
/// listing is a "could not check" warning), lists each <see cref="Listing"/> and <see cref="Where"/> once per configured
/// client (one listing for many creates in one plan), and leaves out the object a replacement replaces.
/// </summary>
public sealed record NamesakeCheck<TModel, TClient> where TModel : class where TClient : class
{
    /// <summary>The object as the warning calls it: "service token", "CI job".</summary>
    public required string Kind { get; init; }

    public string NameAttribute { get; init; } = "name";

    /// <summary>The attributes <see cref="Where"/> and <see cref="ListAsync"/> read besides the name; the check waits until they are known.</summary>
    public IReadOnlyList<string> ScopeAttributes { get; init; } = [];

    /// <summary>The planned name.</summary>
    public required Func<TModel, string> Name { get; init; }

    /// <summary>The scope in words, e.g. "dbt Cloud account 1", "dbt Cloud project 10"; with <see cref="Listing"/>, the key of the shared listing.</summary>
    public required Func<TClient, TModel, string> Where { get; init; }

    /// <summary>
    /// What <see cref="ListAsync"/> lists, e.g. "jobs": checks of several resources that give the same value list the
    /// same objects (every job of the project, whatever its type) and share one listing per <see cref="Where"/>.
    /// </summary>
    public required string Listing { get; init; }

    /// <summary>Every live object of <see cref="Listing"/> in the scope (deleted ones left out); the framework picks the namesakes.</summary>
    public required Func<TClient, TModel, CancellationToken, Task<IReadOnlyList<Namesake>>> ListAsync { get; init; }

    /// <summary>Which listed objects are of this resource's kind (a CI job's namesakes are CI jobs).</summary>
    public Func<Namesake, bool> Admits { get; init; } = static _ => true;
}
