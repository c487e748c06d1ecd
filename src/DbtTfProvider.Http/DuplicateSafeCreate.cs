using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Http;

/// <summary>
/// A create whose outcome is always resolved, and that never makes a second object or touches another's. The object is
/// sent with a <see cref="CreateMarker"/>. When the POST ends unclear (any 5xx, a timeout or a reset after it was
/// sent: <see cref="AmbiguousRequestException"/>), objects carrying the marker are looked up, again and again for
/// <see cref="CreateSafetyOptions.SettleTime"/> (a slow commit may land after the answer timed out) and, when a look
/// fails, until the deadline. Found: it is kept (the lowest id) or, when it cannot be kept, deleted and the create sent
/// again; not found: sent again, up to <see cref="CreateSafetyOptions.MaxPosts"/> POSTs, each resolved the same way.
/// Once created, objects that a late POST left with the same marker are deleted, and the marker is removed.
/// </summary>
/// <remarks>
/// Terraform's stop (<paramref name="stop"/> of <see cref="RunAsync"/>) does not cancel a POST in flight nor its
/// resolution: those run on a token of their own that ends <see cref="CreateSafetyOptions.ResolveDeadline"/> after the
/// stop or the first unclear answer. The stop only keeps a new POST from being sent (the handler's retries of
/// unprocessed attempts included) and cuts the waits between them.
/// </remarks>
public static partial class DuplicateSafeCreate
{
    public static async Task<T> RunAsync<T>(CreateSteps<T> steps, CreateSafetyOptions options, ILogger logger, CancellationToken stop)
        where T : class
    {
        options.Validate();
        stop.ThrowIfCancellationRequested();
        using var inFlight = EnterInFlight(steps);
        await RefuseLeftoversAsync(steps, options, logger, stop).ConfigureAwait(false);
        using var resolution = new ResolutionBudget(options, stop);
        string? unclear = null;
        T? created = null;
        var posts = 0;
        while (created is null)
        {
            if (posts == options.MaxPosts)
                throw new CreateNotResolvedException("Create failed",
                    $"{steps.What}: sent {posts} times; each time the outcome was unclear (last: {unclear}), and none of them left an object that could be kept: nothing was created. Try again later.");
            // Reached only when every POST so far left nothing behind.
            if (stop.IsCancellationRequested)
                throw new OperationCanceledException($"{steps.What}: stopped before the create was sent again; nothing of it is left", stop);
            posts++;
            try
            {
                using (RequestStop.Enter(stop))
                    created = await steps.PostAsync(resolution.Token).ConfigureAwait(false);
                break;
            }
            catch (AmbiguousRequestException e)
            {
                unclear = e.Reason;
            }
            catch (OperationCanceledException) when (resolution.Token.IsCancellationRequested)
            {
                unclear = "no answer before the resolution deadline";
            }
            catch (Exception e) when (unclear is not null && e is not OperationCanceledException)
            {
                // A POST after an unclear one was refused (e.g. the name is taken by the first): the first may have landed.
                LogRefusedAfterUnclear(logger, steps.What, e.Message);
                var late = await LookAsync(steps, options, resolution, TimeSpan.Zero, logger).ConfigureAwait(false);
                if (late is not null && await KeepOneAsync(steps, late, resolution, logger).ConfigureAwait(false) is { } adopted)
                {
                    created = adopted;
                    break;
                }
                throw;
            }

            LogUnclear(logger, steps.What, posts, unclear);
            if (steps.Marker is { } marker) CreateReport.Current?.AddUnclearMarker(marker.Nonce);
            resolution.Start();
            var found = await LookAsync(steps, options, resolution, options.SettleTime, logger).ConfigureAwait(false)
                ?? throw Unresolved(steps, unclear, options);
            created = await KeepOneAsync(steps, found, resolution, logger).ConfigureAwait(false);
            if (created is not null)
                LogAdopted(logger, steps.What, steps.Id(created));
            else if (found.Count == 0 && posts < options.MaxPosts && steps.Marker is not null)
                CreateReport.Current?.AddWarning(new("Create sent again",
                    $"{steps.What}: a create ended unclear ({unclear}) and nothing carrying its marker was found, so it was sent again. " +
                    $"Should the first one still land, it makes {steps.Trace}: the next refresh of this resource deletes it, as it carries this create's marker."));
        }

        // Only when another POST was sent: it may have landed after the look-ups that came before this object.
        if (posts > 1)
            await SweepAsync(steps, created, options, resolution, logger).ConfigureAwait(false);
        if (steps.ConfirmAsync is { } confirm)
        {
            try
            {
                created = await confirm(created, resolution.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not CreateNotResolvedException)
            {
                // The object exists and is returned: the caller puts it into state, and the next plan shows the name to fix.
                LogNotConfirmed(logger, steps.What, steps.Id(created), e.Message);
                CreateReport.Current?.AddWarning(new("Create marker not removed",
                    $"{steps.What}: {steps.Id(created)} was created as {steps.Trace}, and the rename that removes the marker failed " +
                    $"({e.Message.TrimEnd('.')}). It is in state under the marked name: the next apply renames it, or fix the name and apply again."));
            }
        }
        return created;
    }

    private static IDisposable? EnterInFlight<T>(CreateSteps<T> steps) where T : class
    {
        if (steps.Marker is not { } marker) return null;
        return CreatesInFlight.Enter(steps.Kind, steps.BaseName, marker.Nonce, steps.UniqueName)
            ?? throw new CreateNotResolvedException("Create failed",
                $"{steps.What}: another resource of this apply is creating a {steps.Kind} of the same name at this moment, and {steps.Where} " +
                $"keeps one {steps.Kind} per name. Nothing was sent: give each its own name.");
    }

    /// <summary>
    /// An object left with another create's marker is never twinned silently, nor adopted or deleted unproven. A failed
    /// look-up is tried again, as the look-ups after an unclear POST are; when it keeps failing nothing is sent.
    /// </summary>
    private static async Task RefuseLeftoversAsync<T>(CreateSteps<T> steps, CreateSafetyOptions options, ILogger logger, CancellationToken stop)
        where T : class
    {
        if (steps.FindLeftoversAsync is not { } find) return;
        IReadOnlyList<T> found;
        var wait = options.LookInterval;
        for (var look = 1; ; look++)
        {
            try
            {
                found = await find(stop).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (look < options.MaxPosts && !stop.IsCancellationRequested && e is not OperationCanceledException)
            {
                LogLookFailed(logger, steps.What, look, e.Message);
            }
            await Task.Delay(wait, options.TimeProvider, stop).ConfigureAwait(false);
            wait = wait * 2 < options.MaxLookInterval ? wait * 2 : options.MaxLookInterval;
        }
        var leftover = found
            .Where(o => !(CreateMarker.TryRead(steps.Name(o), out var nonce) && CreatesInFlight.Contains(nonce)))
            .MinBy(steps.Id);
        if (leftover is not null)
            throw new UnfinishedCreateException(steps.What, steps.Id(leftover), steps.Name(leftover) ?? "", steps.Where, steps.IsUsable(leftover));
    }

    /// <summary>Looks until something is found and <paramref name="settle"/> has passed; null when the deadline came first.</summary>
    private static async Task<IReadOnlyList<T>?> LookAsync<T>(CreateSteps<T> steps, CreateSafetyOptions options, ResolutionBudget resolution,
        TimeSpan settle, ILogger logger) where T : class
    {
        var time = options.TimeProvider;
        var start = time.GetTimestamp();
        var wait = options.LookInterval;
        for (var look = 1; ; look++)
        {
            try
            {
                var found = await steps.FindAsync(resolution.Token).ConfigureAwait(false);
                if (found.Count > 0 || time.GetElapsedTime(start) >= settle)
                    return found;
            }
            catch (Exception) when (resolution.Token.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e)
            {
                LogLookFailed(logger, steps.What, look, e.Message);
            }
            try
            {
                await Task.Delay(wait, time, resolution.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            wait = wait * 2 < options.MaxLookInterval ? wait * 2 : options.MaxLookInterval;
        }
    }

    /// <summary>Keeps the usable object with the lowest id; every other one found is discarded.</summary>
    private static async Task<T?> KeepOneAsync<T>(CreateSteps<T> steps, IReadOnlyList<T> found, ResolutionBudget resolution, ILogger logger)
        where T : class
    {
        var kept = found.Where(steps.IsUsable).MinBy(steps.Id);
        foreach (var other in found.Where(f => !ReferenceEquals(f, kept)))
            await DiscardAsync(steps, other, resolution, logger).ConfigureAwait(false);
        return kept;
    }

    /// <summary>A POST that was unclear may have landed after a later one succeeded: its object carries the marker too.</summary>
    private static async Task SweepAsync<T>(CreateSteps<T> steps, T created, CreateSafetyOptions options, ResolutionBudget resolution, ILogger logger)
        where T : class
    {
        var found = await LookAsync(steps, options, resolution, TimeSpan.Zero, logger).ConfigureAwait(false);
        if (found is null)
        {
            LogSweepSkipped(logger, steps.What, steps.Trace);
            return;
        }
        foreach (var late in found.Where(f => steps.Id(f) != steps.Id(created)))
            await DiscardAsync(steps, late, resolution, logger).ConfigureAwait(false);
    }

    private static async Task DiscardAsync<T>(CreateSteps<T> steps, T extra, ResolutionBudget resolution, ILogger logger) where T : class
    {
        var id = steps.Id(extra);
        if (steps.DiscardAsync is not { } discard)
        {
            LogCannotDiscard(logger, steps.What, id);
            return;
        }
        LogDiscarding(logger, steps.What, id);
        try
        {
            await discard(extra, resolution.Token).ConfigureAwait(false);
        }
        catch (ObjectGoneException)
        {
            // Already deleted: what the discard wanted.
        }
        catch (Exception e)
        {
            throw new CreateNotResolvedException("Create outcome unknown",
                $"{steps.What}: an unclear create made object {id}, which cannot be kept, and deleting it failed ({e.Message.TrimEnd('.')}). Delete {steps.Trace} (id {id}) by hand.", e);
        }
    }

    private static CreateNotResolvedException Unresolved<T>(CreateSteps<T> steps, string? unclear, CreateSafetyOptions options) where T : class =>
        new("Create outcome unknown",
            $"{steps.What}: {unclear}; within {options.ResolveDeadline.TotalSeconds:0} s the provider could not find out whether the service created it. " +
            $"Look for {steps.Trace}: import it, or delete it.");

    /// <summary>
    /// The token of the resolution: not cancelled by the stop, but it ends <see cref="CreateSafetyOptions.ResolveDeadline"/>
    /// after <see cref="Start"/>, which the first unclear answer or the stop calls, whichever comes first.
    /// </summary>
    private sealed class ResolutionBudget : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly CancellationTokenRegistration _onStop;
        private readonly TimeSpan _deadline;
        private int _started;

        public ResolutionBudget(CreateSafetyOptions options, CancellationToken stop)
        {
            _deadline = options.ResolveDeadline;
            _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, options.TimeProvider);
            _onStop = stop.Register(Start);
        }

        public CancellationToken Token => _source.Token;

        public void Start()
        {
            if (Interlocked.Exchange(ref _started, 1) != 0) return;
            try
            {
                _source.CancelAfter(_deadline);
            }
            catch (ObjectDisposedException)
            {
                // The create is over.
            }
        }

        public void Dispose()
        {
            _onStop.Dispose();
            _source.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: POST {Post} ended unclear ({Reason}); looking for the object it may have made")]
    private static partial void LogUnclear(ILogger logger, string what, int post, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: look-up {Look} failed ({Reason}); looking again")]
    private static partial void LogLookFailed(ILogger logger, string what, int look, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: adopting {Id}, made by an unclear request of this create")]
    private static partial void LogAdopted(ILogger logger, string what, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: deleting {Id}, made by an unclear request of this create and not kept")]
    private static partial void LogDiscarding(ILogger logger, string what, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: {Id} was also made by an unclear request of this create and cannot be taken back")]
    private static partial void LogCannotDiscard(ILogger logger, string what, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: a repeated POST was refused ({Reason}); looking whether an earlier one landed")]
    private static partial void LogRefusedAfterUnclear(ILogger logger, string what, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: no time left to look for late duplicates; look for {Trace}")]
    private static partial void LogSweepSkipped(ILogger logger, string what, string trace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "creating {What}: {Id} was created but its create marker could not be removed ({Reason}); the next plan shows its name to fix")]
    private static partial void LogNotConfirmed(ILogger logger, string what, long id, string reason);
}
