using System.Globalization;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Http;

namespace DbtTfProvider.Resources;

/// <summary>
/// The resource side of a marked create (<see cref="DuplicateSafeCreate"/>), the same for every resource. A create runs
/// inside a <see cref="CreateReport"/>: its warnings become diagnostics, and the markers of POSTs whose outcome stayed
/// unclear go into the object's private state. A read within <see cref="SweepWindow"/> of the create looks for objects
/// carrying one of those markers that are not the object in state (a commit that landed after the create gave up
/// waiting) and deletes them: the marker's nonce, recorded by this object's own create, proves them ours. An object
/// left with a marker that nothing recorded (a run killed by SIGKILL) is never adopted: the create fails naming it.
/// </summary>
internal static class MarkedCreates
{
    /// <summary>Private-state key: "nonce@unix-seconds" entries, space-separated.</summary>
    private const string UnclearMarkersKey = "unclear_create_markers";

    /// <summary>How long after the create a read still looks for late commits; a commit hours late is not expected.</summary>
    private static readonly TimeSpan SweepWindow = TimeSpan.FromHours(24);

    /// <summary>Runs <paramref name="create"/> (a client's create) and records what it reports into <paramref name="context"/>.</summary>
    public static async Task<T> CreateAsync<T, TClient>(string typeName, ResourceContext<TClient> context, Func<Task<T>> create)
        where TClient : class
    {
        using var scope = CreateReport.Begin();
        try
        {
            return await create();
        }
        catch (UnfinishedCreateException e)
        {
            throw new ResourceException("Unfinished create found", Remedy(typeName, e), inner: e);
        }
        finally
        {
            foreach (var warning in scope.Report.Warnings)
                context.Diagnostics.AddWarning(warning.Summary, warning.Detail);
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (scope.Report.UnclearMarkers.Count > 0)
                context.Private.Set(UnclearMarkersKey, string.Join(' ', scope.Report.UnclearMarkers.Select(n => $"{n}@{now}")));
        }
    }

    /// <summary>
    /// Deletes every object that carries a marker this object's create recorded and is not <paramref name="id"/>,
    /// with a warning each. <paramref name="findMarked"/> lists the ids carrying a nonce; <paramref name="delete"/> deletes one.
    /// </summary>
    public static async Task SweepAsync<TClient>(ResourceContext<TClient> context, string what, long id,
        Func<string, Task<IReadOnlyList<long>>> findMarked, Func<long, Task> delete) where TClient : class
    {
        if (context.Private.Get(UnclearMarkersKey) is not { } recorded) return;
        var now = DateTimeOffset.UtcNow;
        var live = recorded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('@'))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var at)
                            && now - DateTimeOffset.FromUnixTimeSeconds(at) < SweepWindow)
            .ToList();
        if (live.Count == 0)
        {
            context.Private.Set(UnclearMarkersKey, null);
            return;
        }
        foreach (var nonce in live.Select(parts => parts[0]))
        foreach (var late in (await findMarked(nonce)).Where(found => found != id))
        {
            try
            {
                await delete(late);
            }
            catch (ObjectGoneException)
            {
                continue;
            }
            context.Diagnostics.AddWarning("Late duplicate deleted",
                $"{what} {late} carried the create marker [tf-create {nonce}] of this object's own create ({id}): a request whose " +
                "answer was lost landed after the create had been sent again. It was deleted.");
        }
    }

    private static string Remedy(string typeName, UnfinishedCreateException e)
    {
        var id = e.Id.ToString(CultureInfo.InvariantCulture);
        var what = e.CanBeKept
            ? $"If it is this resource's, import it: `terraform import '{typeName}.<name in your configuration>' {id}` (or an `import` block), " +
              $"and the next apply gives it its name; otherwise delete it ({e.Where}, id {id})."
            : $"It cannot be used (its secret was in the answer that was lost): delete it ({e.Where}, id {id}).";
        return $"{e.Message}. A killed `terraform apply` (SIGKILL, or the runner stopped) leaves its object so; nothing proves that it is " +
               $"this configuration's, so it is neither adopted nor deleted, and no second one was made. {what} Then apply again.";
    }
}
