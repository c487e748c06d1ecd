using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// What the <see cref="NamesakeCheck{TModel, TClient}"/>s of one run share, for as long as a configured client lives
/// (Terraform configures the provider once per run: a plan, an apply). The listings, one per listing and scope, so
/// that many creates in one plan share one; a listing's outcome is kept whatever it is, so an outage costs one failed
/// listing per scope, not one per create. And the objects Terraform's state holds, as far as this run has shown them
/// (an object upgraded or refreshed): such an object is never a namesake to warn of (a tainted object about to be
/// replaced, another instance of the same name), whatever its name.
/// </summary>
internal sealed class NamesakeRun
{
    private static readonly ConditionalWeakTable<object, NamesakeRun> ByClient = [];

    private readonly ConcurrentDictionary<(string Listing, string Where), Lazy<Task<IReadOnlyList<Namesake>>>> _listings = new();
    private readonly ConcurrentDictionary<(string Listing, string Id), bool> _held = new();

    public static NamesakeRun Of(object client) => ByClient.GetValue(client, static _ => new NamesakeRun());

    public Task<IReadOnlyList<Namesake>> ListAsync(string listing, string where, Func<Task<IReadOnlyList<Namesake>>> list) =>
        _listings.GetOrAdd((listing, where), _ => new Lazy<Task<IReadOnlyList<Namesake>>>(list)).Value;

    /// <summary>Terraform's state holds object <paramref name="id"/> of <paramref name="listing"/>.</summary>
    public void Hold(string listing, string id) => _held[(listing, id)] = true;

    public bool Holds(string listing, string id) => _held.ContainsKey((listing, id));
}
