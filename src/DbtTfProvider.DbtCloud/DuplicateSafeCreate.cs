using DbtTfProvider.Http;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.DbtCloud;

/// <summary>
/// A create that a flaky network cannot turn into two objects. Before the POST it notes which objects with the same
/// identity exist; when the POST fails ambiguously (<see cref="AmbiguousRequestException"/>), <c>recover</c> looks at
/// the objects that appeared since and either adopts one (returns it) or cleans up and returns null, and the POST is
/// sent again. Creates with the same identity are serialised within the process so that a sibling's object is never
/// taken for our own.
/// </summary>
internal static partial class DuplicateSafeCreate
{
    /// <summary>POSTs sent at most for one create, when each of them fails ambiguously.</summary>
    public const int MaxPosts = 3;

    public static async Task<T> RunAsync<T>(
        KeyedLock<string> locks, string identity, string what,
        Func<CancellationToken, Task<HashSet<long>>> existingIds,
        Func<CancellationToken, Task<T>> create,
        Func<HashSet<long>, CancellationToken, Task<T?>> recover,
        ILogger logger, CancellationToken cancellationToken) where T : class
    {
        using var held = await locks.AcquireAsync(identity, cancellationToken).ConfigureAwait(false);
        var before = await existingIds(cancellationToken).ConfigureAwait(false);
        for (var post = 1; ; post++)
        {
            try
            {
                return await create(cancellationToken).ConfigureAwait(false);
            }
            catch (AmbiguousRequestException ambiguous) when (post < MaxPosts)
            {
                LogLookingUp(logger, what, ambiguous.Reason);
                if (await recover(before, cancellationToken).ConfigureAwait(false) is { } adopted)
                    return adopted;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: {Reason}; looking for what the request may have created before sending it again")]
    private static partial void LogLookingUp(ILogger logger, string what, string reason);
}
