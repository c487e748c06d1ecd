namespace DbtTfProvider.Http;

/// <summary>
/// The one rule for "the object is gone", run by every client (<see cref="GoneCheck{T}"/> holds what differs): only an
/// answer in the service's own words that is confirmed by a second source becomes <see cref="ObjectGoneException"/>.
/// A single 404, a 404 that is not the service's (a proxy's page), one that blames permissions, a witness that cannot
/// tell, and a witness list whose route does not exist stay errors, because a live object must never be forgotten.
/// ARCHITECTURE.md ("Not found is decided once") describes it.
/// </summary>
public static class ConfirmedGone
{
    /// <summary>The object; <see cref="ObjectGoneException"/> when the service confirmed it deleted.</summary>
    public static async Task<T> ReadAsync<T>(GoneCheck<T> check, CancellationToken cancellationToken)
    {
        T found;
        try
        {
            found = await check.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceApiException first) when (first.IsServiceNotFound)
        {
            found = await ConfirmAsync(check, first, cancellationToken).ConfigureAwait(false);
        }
        if (check.DeletedEvidence(found) is { } evidence)
            throw new ObjectGoneException(check.Service, check.What, evidence);
        return found;
    }

    /// <summary>
    /// Runs the delete. A 404 is checked as <see cref="ReadAsync{T}"/> checks it: confirmed already deleted is
    /// <see cref="ObjectGoneException"/>; an object that still reads keeps the 404 as an error.
    /// </summary>
    public static async Task DeleteAsync<T>(Func<CancellationToken, Task> deleteAsync, GoneCheck<T> check, CancellationToken cancellationToken)
    {
        try
        {
            await deleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceApiException e) when (e.IsServiceNotFound)
        {
            await ReadAsync(check, cancellationToken).ConfigureAwait(false);
            throw e.WithReason($"{check.What} still reads as active, so it is not taken for deleted");
        }
    }

    private static async Task<T> ConfirmAsync<T>(GoneCheck<T> check, ServiceApiException first, CancellationToken cancellationToken)
    {
        var notFound = first;
        if (!check.WitnessFirst)
        {
            try
            {
                return await ReadAgainAsync(check, cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceApiException second) when (second.IsServiceNotFound)
            {
                notFound = second;
            }
        }

        var witness = await AskWitnessAsync(check, cancellationToken).ConfigureAwait(false);
        if (witness.Verdict == GoneVerdict.Gone)
            throw new ObjectGoneException(check.Service, check.What, witness.Reason, notFound);
        if (witness.Verdict == GoneVerdict.Present && check.WitnessFirst)
        {
            try
            {
                return await ReadAgainAsync(check, cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceApiException again) when (again.IsServiceNotFound)
            {
                notFound = again;
            }
        }
        throw notFound.WithReason(witness.Reason);
    }

    private static async Task<T> ReadAgainAsync<T>(GoneCheck<T> check, CancellationToken cancellationToken)
    {
        var found = await check.ReadAsync(cancellationToken).ConfigureAwait(false);
        check.OnStrayNotFound();
        return found;
    }

    /// <summary>A witness list that answers the service's 404 itself is a route this host does not serve.</summary>
    private static async Task<GoneWitness> AskWitnessAsync<T>(GoneCheck<T> check, CancellationToken cancellationToken)
    {
        try
        {
            return await check.WitnessAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceApiException listNotFound) when (listNotFound.IsServiceNotFound)
        {
            throw check.RouteMissing?.Invoke(listNotFound)
                  ?? listNotFound.WithReason($"the list that would confirm whether {check.What} was deleted answered 404 itself: this address does not serve it");
        }
    }
}
